package app.cadence.tenancy.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A global identity: one login for every tenant the person belongs to; not tenant-owned by
 * design — a consultant's account spans client tenants; what they may see in each is decided
 * by their {@link Membership}s.
 */
@Entity
@Table(name = "user_account")
public class UserAccount extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** A platform operator: a global flag, not a tenant role (see docs/security.md). */
    @Column(name = "platform_operator", nullable = false)
    private boolean platformOperator;

    @Column(name = "last_tenant_id")
    private @Nullable Long lastTenantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Bumped whenever every session of this person must end; sessions remember the value they
     * signed in with. A counter, not a time, so that nodes with drifting clocks agree.
     */
    @Column(name = "session_generation", nullable = false)
    private long sessionGeneration;

    @Version
    private long version;

    protected UserAccount() {
        this.email = "";
        this.displayName = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    public UserAccount(String email, String displayName, String passwordHash, Instant createdAt) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** Emails are compared case-insensitively; they are stored trimmed and in lower case. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public @Nullable Long getLastTenantId() {
        return lastTenantId;
    }

    public void rememberTenant(Long tenantId) {
        this.lastTenantId = tenantId;
    }

    public long getSessionGeneration() {
        return sessionGeneration;
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    /** A new password ends every session signed in with the old one. Returns the new generation. */
    public long changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        return endSessions();
    }

    /** Every session signed in so far is ended on its next request. Returns the new generation. */
    public long endSessions() {
        return ++sessionGeneration;
    }

    public boolean isPlatformOperator() {
        return platformOperator;
    }

    public void makePlatformOperator() {
        this.platformOperator = true;
    }
}
