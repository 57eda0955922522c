package app.cadence.template.domain;

public enum TemplateStatus {
    /** In the library; its published versions can be applied to projects. */
    ACTIVE("Active"),
    /** Kept readable for the record; cannot be applied to projects any more. */
    RETIRED("Retired");

    private final String label;

    TemplateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
