package app.cadence.reporting.domain;

/** A status report is written as a draft and published once; a published report never changes. */
public enum ReportState {
    DRAFT("Draft"),
    PUBLISHED("Published");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
