package app.cadence.home.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's secret calendar feed. Not tenant-owned (no {@code @TenantId}): it belongs to the
 * account, across organisations; what it serves is read inside each organisation at each request.
 * Only the secret's SHA-256 is kept: whoever reads the table cannot subscribe to anyone's calendar.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CalendarFeed() {
        this.userId = 0L;
        this.secretHash = "";
        this.createdAt = Instant.EPOCH;
    }

    public CalendarFeed(Long userId, String secretHash, Instant createdAt) {
        this.userId = userId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    /** A new secret replaces the old one, which stops working at once. */
    public void rotate(String newSecretHash, Instant at) {
        this.secretHash = newSecretHash;
        this.createdAt = at;
    }

    public Long getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
