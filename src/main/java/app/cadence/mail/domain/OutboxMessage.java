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
 * down. Its text and link carry single-use tokens, so they are kept only sealed (encrypted with a
 * key outside the database), and only until the email is sent or its link expires. Global by design, not @TenantId: sign-up and password-reset mails belong to no tenant
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

    /**
     * The text, encrypted with a key kept outside the database (it carries single-use links);
     * null once the message is sent or has expired, when nobody needs it any more.
     */
    @Lob
    @Column(name = "sealed_body", length = Integer.MAX_VALUE) // longtext on MySQL, clob on H2
    private @Nullable String sealedBody;

    /**
     * The action the email asks for, encrypted like the text: an ADMIN may pass an invitation
     * link on by hand while it works. Null when the email has none, and once sent or expired.
     */
    @Lob
    @Column(name = "sealed_link", length = Integer.MAX_VALUE)
    private @Nullable String sealedLink;

    /** When the email's link stops working; past it the message is not sent and its text is dropped. */
    @Column(name = "expires_at", updatable = false)
    private @Nullable Instant expiresAt;

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
        this.status = DeliveryStatus.PENDING;
        this.createdAt = Instant.EPOCH;
    }

    /** A new message, due at once; its text and link arrive sealed (see {@link #sealContext()}). */
    public OutboxMessage(@Nullable Long tenantId, EmailKind kind, String recipient, String subject, String sealedBody,
                         @Nullable String sealedLink, @Nullable Instant expiresAt, Instant now) {
        this.tenantId = tenantId;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.sealedBody = sealedBody;
        this.sealedLink = sealedLink;
        this.expiresAt = expiresAt;
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
        forgetContent();
    }

    /** What a sealed text and link are bound to: moved into another message, they do not open. */
    public static String sealContext(EmailKind kind, String recipient) {
        return "outbox|" + kind.name() + "|" + recipient;
    }

    public String sealContext() {
        return sealContext(kind, recipient);
    }

    /** Whether the link has stopped working by {@code now}. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The link stopped working before the email went out (or its text is gone): it is not sent
     * any more, and the secret it carried is dropped. A sent message only loses its text.
     */
    public void expire(Instant now) {
        if (status != DeliveryStatus.SENT) {
            status = DeliveryStatus.EXPIRED;
            nextAttemptAt = null;
            lastError = lastError == null ? "The link expired before the email could be sent." : lastError;
        }
        forgetContent();
    }

    /** Whether the sealed text is still here, i.e. the message can still be sent. */
    public boolean hasContent() {
        return sealedBody != null;
    }

    private void forgetContent() {
        sealedBody = null;
        sealedLink = null;
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
        if (!hasContent() || isExpired(now)) {
            throw new IllegalStateException("The link of this message has expired: it cannot be sent any more");
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

    public @Nullable String getSealedBody() {
        return sealedBody;
    }

    public @Nullable String getSealedLink() {
        return sealedLink;
    }

    public @Nullable Instant getExpiresAt() {
        return expiresAt;
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
