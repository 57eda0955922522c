package app.cadence.work.domain;

/** The parts of an instance item people change. */
public enum ItemField {
    STATUS("Status"),
    ASSIGNEE("Assignee"),
    DUE("Due"),
    NOTES("Notes"),
    EVIDENCE("Evidence link");

    private final String label;

    ItemField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
