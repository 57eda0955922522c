package app.cadence.admin.domain;

import app.cadence.shared.domain.AbstractEntity;
import app.cadence.tenancy.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join a tenant with a role, opened through a single-use link. Not tenant-owned (no @TenantId),
 * like {@code Membership}: the invitee opens it before any tenant is selected, so it is found by
 * its token; every other query names the tenant explicitly.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends AbstractEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private Long tenantId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 20)
    private Role role;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    /**
     * The SHA-256 of the code that only the invitation email carries. Creating a new account
     * needs it, so that whoever sees the link (the inviting ADMIN, in the outbox) cannot create
     * an account for an address they do not control. Null for invitations issued before codes.
     */
    @Column(name = "code_hash", updatable = false, length = 64)
    private @Nullable String codeHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private @Nullable Instant acceptedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "invited_by", nullable = false, updatable = false, length = 254)
    private String invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected Invitation() {
        this.email = "";
        this.role = Role.VIEWER;
        this.tokenHash = "";
        this.expiresAt = Instant.EPOCH;
        this.invitedBy = "";
        this.createdAt = Instant.EPOCH;
    }

    public Invitation(Long tenantId, String email, Role role, String tokenHash, String codeHash, Instant expiresAt, String invitedBy,
                      Instant now) {
        this.tenantId = tenantId;
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT) /* as accounts store it */;
        this.role = role;
        this.tokenHash = tokenHash;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
        this.invitedBy = invitedBy;
        this.createdAt = now;
    }

    public InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    /** Whether {@code codeHash} is the hash of the emailed code; compared in constant time. */
    public boolean codeMatches(String candidateHash) {
        return codeHash != null && MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                candidateHash.getBytes(StandardCharsets.US_ASCII));
    }

    public void accept(Instant now) {
        this.acceptedAt = now;
    }

    public void revoke(Instant now) {
        this.revokedAt = now;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getAcceptedAt() {
        return acceptedAt;
    }
}
