package app.cadence.audit.domain;

import org.springframework.modulith.NamedInterface;

/** What happened, as the security log names it. Tenant-level types are also shown to platform operators. */
@NamedInterface("api")
public enum SecurityEventType {
    SIGNED_IN("Signed in", false),
    SIGN_IN_FAILED("Sign-in failed", false),
    SIGN_IN_THROTTLED("Sign-in throttled", false),
    SIGNED_OUT_EVERYWHERE("Signed out everywhere", false),
    PASSWORD_CHANGED("Password changed", false),
    PASSWORD_RESET_REQUESTED("Password reset requested", false),
    PASSWORD_RESET("Password reset", false),
    PROFILE_CHANGED("Profile changed", false),
    INVITATION_SENT("Invitation sent", false),
    INVITATION_ACCEPTED("Invitation accepted", false),
    INVITATION_REVOKED("Invitation revoked", false),
    ROLE_CHANGED("Role changed", false),
    MEMBER_DEACTIVATED("Member deactivated", false),
    MEMBER_REACTIVATED("Member reactivated", false),
    SETTINGS_CHANGED("Organisation settings changed", false),
    TENANT_SIGNED_UP("Organisation signed up", true),
    TENANT_CREATED("Organisation created", true),
    TENANT_SUSPENDED("Organisation suspended", true),
    TENANT_REACTIVATED("Organisation reactivated", true);

    private final String label;
    private final boolean tenantLevel;

    SecurityEventType(String label, boolean tenantLevel) {
        this.label = label;
        this.tenantLevel = tenantLevel;
    }

    public String label() {
        return label;
    }

    /** About the organisation itself rather than its people or content: an operator may read it. */
    public boolean tenantLevel() {
        return tenantLevel;
    }
}
