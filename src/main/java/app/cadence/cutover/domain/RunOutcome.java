package app.cadence.cutover.domain;

/** How a run ended. */
public enum RunOutcome {
    COMPLETED("Completed"),
    ROLLED_BACK("Rolled back"),
    ABANDONED("Abandoned");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
