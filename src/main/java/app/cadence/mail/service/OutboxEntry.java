package app.cadence.mail.service;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One message as the ADMIN's outbox shows it; {@code link} only while it still works. */
public record OutboxEntry(Long id, EmailKind kind, String recipient, String subject, @Nullable String link,
                          DeliveryStatus status, int attempts, Instant createdAt, @Nullable Instant nextAttemptAt,
                          @Nullable Instant sentAt, @Nullable String lastError) {

    static OutboxEntry of(OutboxMessage m, @Nullable String usableLink) {
        return new OutboxEntry(m.getId(), m.getKind(), m.getRecipient(), m.getSubject(), usableLink, m.getStatus(),
                m.getAttempts(), m.getCreatedAt(), m.getNextAttemptAt(), m.getSentAt(), m.getLastError());
    }
}
