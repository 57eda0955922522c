package app.cadence.mail.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One email on its way out, kept with its delivery status so that nothing is lost while SMTP is
 * down. Global by design, not @TenantId: sign-up and password-reset mails belong to no tenant
 * yet. A tenant's mails carry its id all the same, and every tenant-facing query filters on it
 * by hand (see {@code OutboxMessageRepository}).
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends AbstractEntity {

    public static final int RECIPIENT_MAX = 254;
    public static final int SUBJECT_MAX = 300;
    public static final int LINK_MAX = 2000;
    public static final int ERROR_MAX = 1000;

    @Column(name = "tenant_id", updatable = false)
    private @Nullable Long tenantId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 20)
    private EmailKind kind;

    @Column(nullable = false, updatable = false, length = RECIPIENT_MAX)
    private String recipient;

    @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
    private String subject;

    @Lob
    @Column(nullable = false, updatable = false, length = Integer.MAX_VALUE) // longtext on MySQL, clob on H2
    private String body;

    /** The action the email asks for, so that an ADMIN can pass it on by hand when no SMTP is configured. */
    @Column(updatable = false, length = LINK_MAX)
    private @Nullable String link;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    /** When the dispatcher may try next; null once sent or given up. */
    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private @Nullable String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    /** An ADMIN's retry and the dispatcher's result must not overwrite each other. */
    @Version
    private long version;

    protected OutboxMessage() {
        this.kind = EmailKind.OTHER;
        this.recipient = "";
        this.subject = "";
        this.body = "";
        this.status = DeliveryStatus.PENDING;
        this.createdAt = Instant.EPOCH;
    }

    /** A new message, due at once. */
    public OutboxMessage(@Nullable Long tenantId, EmailKind kind, String recipient, String subject, String body,
                         @Nullable String link, Instant now) {
        this.tenantId = tenantId;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(Instant now) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /**
     * A failed attempt: retried later by the schedule, or given up at once when the message can
     * never be sent as it is (e.g. an invalid address), since retrying would only fail again.
     */
    public void failed(Instant now, String error, RetrySchedule schedule, boolean permanent) {
        attempts++;
        lastError = error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX - 1) + "…";
        if (permanent || schedule.givesUpAfter(attempts)) {
            status = DeliveryStatus.GAVE_UP;
            nextAttemptAt = null;
        } else {
            status = DeliveryStatus.FAILED_RETRYING;
            nextAttemptAt = now.plus(schedule.delayAfter(attempts));
        }
    }

    /** An ADMIN sends a given-up message once more, with a fresh schedule. */
    public void retry(Instant now) {
        if (status != DeliveryStatus.GAVE_UP) {
            throw new IllegalStateException("Only a message that was given up can be retried, not one that is " + status);
        }
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public EmailKind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public @Nullable String getLink() {
        return link;
    }

    public DeliveryStatus getStatus() {
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

    public long getVersion() {
        return version;
    }
}
