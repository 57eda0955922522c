package app.cadence.notify.domain;

import app.cadence.mail.domain.RetrySchedule;
import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One message for the tenant's chat channel, waiting in the chat outbox until it is posted. It
 * holds no address: the tenant's current webhook is read when it is posted, so a changed or
 * removed webhook takes effect for what is still waiting.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends AbstractEntity {

    public static final int TEXT_MAX = 2000;
    public static final int ERROR_MAX = 1000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 40)
    private NotificationKind kind;

    @Column(nullable = false, updatable = false, length = TEXT_MAX)
    private String text;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ChatMessageStatus status = ChatMessageStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private @Nullable String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Version
    private long version;

    protected ChatMessage() {
        this.kind = NotificationKind.GENERIC;
        this.text = "";
        this.createdAt = Instant.EPOCH;
    }

    public ChatMessage(NotificationKind kind, String text, Instant now) {
        this.kind = kind;
        this.text = text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(Instant now) {
        status = ChatMessageStatus.SENT;
        attempts++;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** A failed post: retried after the back-off, or given up after the schedule's last attempt or when retrying cannot help. */
    public void failed(Instant now, String error, RetrySchedule schedule, boolean permanent) {
        attempts++;
        lastError = error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX - 1) + "…";
        if (permanent || schedule.givesUpAfter(attempts)) {
            status = ChatMessageStatus.GAVE_UP;
            nextAttemptAt = null;
        } else {
            status = ChatMessageStatus.RETRYING;
            nextAttemptAt = now.plus(schedule.delayAfter(attempts));
        }
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public ChatMessageStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public @Nullable Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getSentAt() {
        return sentAt;
    }
}
