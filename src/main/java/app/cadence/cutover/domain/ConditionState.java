package app.cadence.cutover.domain;

/** Where a condition set at a go/no-go stands. */
public enum ConditionState {
    /** Set and not yet met, or reopened. */
    OPEN("Open"),
    MET("Met");

    private final String label;

    ConditionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
