package app.cadence.mail.service;

import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An email to send: plain text, one recipient. {@code link} is the action the email asks for
 * (accept the invitation, reset the password), the one an ADMIN may pass on by hand while it
 * works; the body holds it too, possibly with more (an invitation's code, which only the
 * recipient gets). {@code expiresAt} is when the link stops working: the outbox does not send
 * the email after it, and keeps its text no longer.
 */
@NamedInterface("api")
public record Email(EmailKind kind, String recipient, String subject, String body, @Nullable String link,
                    @Nullable Instant expiresAt) {

    /** An email whose text never stops working. */
    public Email(EmailKind kind, String recipient, String subject, String body, @Nullable String link) {
        this(kind, recipient, subject, body, link, null);
    }

    public Email {
        recipient = recipient.strip();
        subject = subject.strip();
        // Callers build these from their own data: a malformed one is a bug to fail on, not to send.
        if (recipient.isEmpty() || recipient.length() > OutboxMessage.RECIPIENT_MAX || !recipient.contains("@")
                || recipient.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("Not a single email address: " + recipient);
        }
        if (subject.isEmpty() || subject.length() > OutboxMessage.SUBJECT_MAX || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A subject needs 1 to " + OutboxMessage.SUBJECT_MAX + " characters on one line");
        }
        if (link != null && (link.isBlank() || link.length() > OutboxMessage.LINK_MAX)) {
            throw new IllegalArgumentException("A link needs 1 to " + OutboxMessage.LINK_MAX + " characters");
        }
    }
}
