package app.cadence.notify.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One notice to one person in one tenant. Written once by {@code NotificationStore} (which
 * dedupes by key); afterwards only its read time changes, and only its recipient changes it. No
 * {@code @Version}: marking a notice read twice, from two tabs, is the same outcome, not a conflict.
 */
@Entity
@Table(name = "notification")
public class Notification extends AbstractEntity {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 1000;
    public static final int DEDUPE_KEY_MAX = 200;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private Long recipientId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 40)
    private NotificationKind kind;

    @Column(nullable = false, updatable = false, length = TITLE_MAX)
    private String title;

    @Column(updatable = false, length = BODY_MAX)
    private @Nullable String body;

    /** An in-app route path ({@link InAppLink}), or none. */
    @Column(updatable = false, length = InAppLink.MAX)
    private @Nullable String link;

    @Column(name = "dedupe_key", updatable = false, length = DEDUPE_KEY_MAX)
    private @Nullable String dedupeKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private @Nullable Instant readAt;

    /** Waits for its recipient's daily digest (their preference for its kind); cleared when the digest is queued. */
    @Column(name = "digest_pending", nullable = false)
    private boolean digestPending;

    protected Notification() {
        this.recipientId = 0L;
        this.kind = NotificationKind.GENERIC;
        this.title = "";
        this.createdAt = Instant.EPOCH;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getBody() {
        return body;
    }

    public @Nullable String getLink() {
        return link;
    }

    public @Nullable String getDedupeKey() {
        return dedupeKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getReadAt() {
        return readAt;
    }

    public boolean isDigestPending() {
        return digestPending;
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** The first reading counts; reading it again keeps that time. */
    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
