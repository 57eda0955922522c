package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** The kind of a cutover runbook step. */
@NamedInterface("api")
public enum StepType {
    TASK("Task"),
    MILESTONE("Milestone"),
    GO_NO_GO("Go/no-go checkpoint"),
    COMMUNICATION("Communication");

    private final String label;

    StepType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
