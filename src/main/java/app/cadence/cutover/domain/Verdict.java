package app.cadence.cutover.domain;

/** An approver's answer at a go/no-go checkpoint, and the decision's outcome. */
public enum Verdict {
    GO("Go"),
    GO_WITH_CONDITIONS("Go with conditions"),
    NO_GO("No-go");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
