package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** The phase a cutover runbook section belongs to. */
@NamedInterface("api")
public enum SectionRole {
    PREPARATION("Preparation"),
    EXECUTION("Execution"),
    VALIDATION("Validation"),
    ROLLBACK("Rollback"),
    HYPERCARE("Hypercare");

    private final String label;

    SectionRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
