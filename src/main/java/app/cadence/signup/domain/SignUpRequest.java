package app.cadence.signup.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A sign-up waiting for its address to be confirmed through the emailed link. It is
 * not tenant-owned: the organisation it creates does not exist yet. The password is kept
 * only as its hash, and is used only if the address has no account when the link is opened.
 */
@Entity
@Table(name = "sign_up_request")
public class SignUpRequest extends AbstractEntity {

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "organisation_name", nullable = false, updatable = false, length = 120)
    private String organisationName;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, updatable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, updatable = false)
    private String passwordHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    @Column(name = "tenant_id")
    private @Nullable Long tenantId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SignUpRequest() {
        this.tokenHash = "";
        this.organisationName = "";
        this.email = "";
        this.displayName = "";
        this.passwordHash = "";
        this.expiresAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    public SignUpRequest(String tokenHash, String organisationName, String email, String displayName, String passwordHash,
                         Instant expiresAt, Instant now) {
        this.tokenHash = tokenHash;
        this.organisationName = organisationName;
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT) /* as accounts store it */;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void complete(Long tenantId, Instant now) {
        this.tenantId = tenantId;
        this.completedAt = now;
    }

    public String getOrganisationName() {
        return organisationName;
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

    public @Nullable Long getTenantId() {
        return tenantId;
    }
}
