package app.cadence.notify.service;

import app.cadence.mail.domain.RetrySchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chat webhook's settings ({@code cadence.chat.*}). Retries follow the email outbox's
 * back-off ({@link RetrySchedule}: 1, 2, 4 … 60 minutes, 30 attempts by default).
 *
 * @param allowLoopbackForTests lets a test post to a local HTTP server (WireMock on 127.0.0.1, over
 *                              http): loopback hosts only, every other refusal stands. Never set
 *                              outside tests; false by default
 * @param connectTimeout        how long to wait for the chat service to accept the connection
 * @param requestTimeout        how long to wait for its answer
 */
@ConfigurationProperties("cadence.chat")
public record ChatProperties(boolean allowLoopbackForTests, Duration connectTimeout, Duration requestTimeout, Duration pollInterval,
                             Duration firstRetryDelay, Duration maxRetryDelay, int maxAttempts, int batchSize, Duration lockAtMostFor) {

    public ChatProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        maxAttempts = maxAttempts <= 0 ? 30 : maxAttempts;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
