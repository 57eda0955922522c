package app.cadence.cutover.domain;

/** Where one dated occurrence of a recurring hypercare check stands. */
public enum CheckState {
    OPEN("Open"),
    DONE("Done"),
    /** Not done: recorded with a reason, or past due when hypercare was closed. */
    MISSED("Missed"),
    /** Still ahead when hypercare was closed: no longer needed. */
    CLOSED("Not needed");

    private final String label;

    CheckState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN;
    }
}
