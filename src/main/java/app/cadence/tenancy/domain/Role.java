package app.cadence.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A member's role in one tenant. A user has exactly one role per tenant. */
@NamedInterface("api")
public enum Role {
    ADMIN("Administrator"),
    PMO("PMO"),
    PM("Project manager"),
    CONTRIBUTOR("Contributor"),
    VIEWER("Viewer");

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

    /** The {@link RoleSets} this role belongs to: what it is granted. */
    public List<String> sets() {
        List<String> sets = new ArrayList<>(4);
        sets.add(RoleSets.MEMBERS);
        if (managesProjects()) {
            sets.add(RoleSets.PROJECT_MANAGERS);
        }
        if (this == ADMIN || this == PMO) {
            sets.add(RoleSets.PORTFOLIO_OFFICE);
        }
        if (this == ADMIN) {
            sets.add(RoleSets.ADMINISTRATORS);
        }
        return List.copyOf(sets);
    }

    /** The Spring Security authority that names this role in the selected tenant. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The authorities a member with this role holds in the selected tenant: the role itself and
     * each of its {@link #sets()}.
     */
    public List<String> authorities() {
        List<String> authorities = new ArrayList<>(5);
        authorities.add(authority());
        sets().forEach(set -> authorities.add("ROLE_" + set));
        return List.copyOf(authorities);
    }
}
