package app.cadence.security.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A password-reset link sent by email: single use, expiring, and stored only as the SHA-256 hash
 * of the token the link carries. It is not tenant-owned: an account spans tenants, and the reset
 * happens before sign-in, when no tenant is selected. The account is referenced by id only,
 * since the entity belongs to the tenancy feature.
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, updatable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    @Column(name = "requested_from", updatable = false, length = 64)
    private @Nullable String requestedFrom;

    protected PasswordResetToken() {
        this.userId = 0L;
        this.tokenHash = "";
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    public PasswordResetToken(Long userId, String tokenHash, Instant createdAt, Instant expiresAt, @Nullable String requestedFrom) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.requestedFrom = requestedFrom == null || requestedFrom.length() <= 64 ? requestedFrom : requestedFrom.substring(0, 64);
    }

    public Long getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getUsedAt() {
        return usedAt;
    }

    /** Neither used nor expired: the link may still set a password. */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void markUsed(Instant now) {
        this.usedAt = now;
    }
}
