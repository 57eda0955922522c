package app.cadence.mail.service;

import app.cadence.mail.domain.RetrySchedule;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox's settings ({@code cadence.mail.*}); SMTP itself is configured with Spring's
 * {@code spring.mail.*}. Defaults retry for about a day (1, 2, 4 … 60 minutes, 30 attempts)
 * before giving a message up, so a mail server outage of a few hours loses nothing.
 *
 * @param from          the sender address of every email
 * @param pollInterval  how often a node looks for due messages
 * @param firstRetryDelay wait after the first failure; doubles with each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts   failed attempts before a message is given up
 * @param batchSize     messages read and sent per round (one SMTP connection each)
 * @param lockAtMostFor how long a node that died while sending keeps the others from sending
 * @param secretKey     the key that seals an email's text and link until it is sent (base64 of 32
 *                      bytes, {@code CADENCE_MAIL_SECRET_KEY}); the same on every node
 * @param secretKeyFile where the key is read from, or created on first start, when
 *                      {@code secretKey} is not set (the embedded default: next to the H2 files)
 * @param requireSecretKey refuse to start without {@code secretKey} (the {@code prod} profile): a
 *                      key file made on each node would give every node a different key
 */
@ConfigurationProperties("cadence.mail")
public record OutboxProperties(String from, Duration pollInterval, Duration firstRetryDelay, Duration maxRetryDelay,
                               int maxAttempts, int batchSize, Duration lockAtMostFor,
                               @Nullable String secretKey, Path secretKeyFile, boolean requireSecretKey) {

    public OutboxProperties {
        if (from == null || from.isBlank()) {
            from = "Cadence <no-reply@cadence.invalid>";
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(30);
        }
        if (firstRetryDelay == null) {
            firstRetryDelay = Duration.ofMinutes(1);
        }
        if (maxRetryDelay == null) {
            maxRetryDelay = Duration.ofHours(1);
        }
        if (maxAttempts <= 0) {
            maxAttempts = 30;
        }
        if (batchSize <= 0) {
            batchSize = 50;
        }
        if (lockAtMostFor == null) {
            lockAtMostFor = Duration.ofMinutes(10);
        }
        if (secretKeyFile == null) {
            secretKeyFile = Path.of("data", "mail-secret.key");
        }
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
