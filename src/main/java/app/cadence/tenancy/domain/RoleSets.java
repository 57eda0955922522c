package app.cadence.tenancy.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The sets of roles that screens and services are opened to, by name. Each set is also an
 * authority held by every member whose role belongs to it ({@link Role#authorities()}), so that
 * one constant works in {@code @RolesAllowed} (an annotation takes no array constant, and
 * Vaadin's view access check reads no meta-annotations) and in {@code hasRole} checks alike.
 * A new screen picks one of these instead of listing roles, so a role added later is granted
 * what it should be in one place: {@link Role#sets()}.
 */
@NamedInterface("api")
public final class RoleSets {

    /** Every active member of the selected tenant, whatever the role. */
    public static final String MEMBERS = "MEMBERS";

    /** ADMIN, PMO and PM: may be a project's PM, create and edit projects, apply templates. */
    public static final String PROJECT_MANAGERS = "PROJECT_MANAGERS";

    /** ADMIN and PMO: the portfolio office — templates, programs, the whole portfolio. */
    public static final String PORTFOLIO_OFFICE = "PORTFOLIO_OFFICE";

    /** ADMIN only: members, settings, outbox, security log. */
    public static final String ADMINISTRATORS = "ADMINISTRATORS";

    /** Platform operators (a flag on the account, not a tenant role): the operator console only. */
    public static final String OPERATORS = "OPERATOR";

    private RoleSets() {
    }
}
