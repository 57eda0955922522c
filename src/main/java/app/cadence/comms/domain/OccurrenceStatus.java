package app.cadence.comms.domain;

/** Where an occurrence of a communication stands. */
public enum OccurrenceStatus {
    PLANNED("Planned"),
    DRAFTED("Drafted"),
    SENT("Sent"),
    SKIPPED("Skipped");

    private final String label;

    OccurrenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still someone's to do. */
    public boolean isOpen() {
        return this == PLANNED || this == DRAFTED;
    }

    public Replanning.Status forReplanning() {
        return Replanning.Status.valueOf(name());
    }
}
