package app.cadence.tenancy.domain;

import org.springframework.modulith.NamedInterface;

/** A member's role in one tenant. A user has exactly one role per tenant. */
@NamedInterface("api")
public enum Role {
    ADMIN("Administrator"),
    PMO("PMO"),
    PM("Project manager"),
    CONTRIBUTOR("Contributor"),
    VIEWER("Viewer");

    /** Roles that may create and edit projects. */
    public static final String[] PROJECT_EDITORS = {"ADMIN", "PMO", "PM"};

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a member with this role may manage projects: be a project's PM, create and edit
     * projects, apply templates, run bulk changes. The one place that says so; screens ask it.
     */
    public boolean managesProjects() {
        return this == ADMIN || this == PMO || this == PM;
    }

    /** The Spring Security authority that stands for this role in the selected tenant. */
    public String authority() {
        return "ROLE_" + name();
    }
}
