package app.cadence.project.domain;

import org.springframework.modulith.NamedInterface;

@NamedInterface("api")
public enum ProjectStatus {
    PROPOSED("Proposed"),
    ACTIVE("Active"),
    ON_HOLD("On hold"),
    CLOSED("Closed");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
