package app.cadence.notify.service;

import app.cadence.mail.domain.RetrySchedule;
import app.cadence.notify.domain.ChatMessage;
import app.cadence.notify.domain.ChatMessageRepository;
import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.ChatSettings;
import app.cadence.notify.domain.ChatSettingsRepository;
import app.cadence.notify.domain.WebhookAddress;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the chat outbox to each organisation's webhook, one node of the cluster at a time (a
 * ShedLock row), with the email outbox's back-off: a non-2xx answer, a refused connection or a
 * timeout is retried after 1, 2, 4 … minutes and given up after the last attempt, each failure
 * recorded on the message for the ADMIN. The address is checked again right before each post
 * ({@link ChatAddressCheck}) and never written to a log or an error text.
 *
 * <p>The body is {@code {"text": "…"}}: what Slack's incoming webhooks and Teams' Office 365
 * connector webhooks both accept. Delivery is at least once, like email.
 */
@Service
public class ChatDispatcher {

    static final String LOCK_NAME = "chat-outbox";
    private static final Logger log = LoggerFactory.getLogger(ChatDispatcher.class);
    private static final int MAX_ROUNDS = 20;

    /** What one call did; {@code ran} is false when another node holds the lock. */
    public record Dispatch(boolean ran, int sent, int failed) {
    }

    private record Due(Long id, Long tenantId) {
    }

    private record Outgoing(Long id, String text, @Nullable String url) {
    }

    private final ChatMessageRepository messages;
    private final ChatSettingsRepository settings;
    private final ChatAddressCheck addresses;
    private final ChatProperties properties;
    private final RetrySchedule schedule;
    private final LockProvider locks;
    private final TenantScope scope;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final HttpClient http;

    ChatDispatcher(ChatMessageRepository messages, ChatSettingsRepository settings, ChatAddressCheck addresses, ChatProperties properties,
                   LockProvider locks, TenantScope scope, Clock clock, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.settings = settings;
        this.addresses = addresses;
        this.properties = properties;
        this.schedule = properties.retrySchedule();
        this.locks = locks;
        this.scope = scope;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @Scheduled(fixedDelayString = "${cadence.chat.poll-interval:PT30S}", initialDelayString = "${cadence.chat.poll-interval:PT30S}")
    void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.error("The chat outbox could not be dispatched; it will be tried again at the next poll", e);
        }
    }

    /** Posts every due chat message of every organisation, unless another node is at it. */
    public Dispatch dispatchDue() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, properties.lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return new Dispatch(false, 0, 0);
        }
        try {
            int sent = 0;
            int failed = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Instant now = clock.instant();
                List<Due> due = transactions.execute(s -> messages.findDue(now, PageRequest.of(0, properties.batchSize())).stream()
                        .map(row -> new Due(((Number) row[0]).longValue(), ((Number) row[1]).longValue())).toList());
                if (due == null || due.isEmpty()) {
                    break;
                }
                Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
                due.forEach(d -> byTenant.computeIfAbsent(d.tenantId(), t -> new java.util.ArrayList<>()).add(d.id()));
                for (Map.Entry<Long, List<Long>> tenant : byTenant.entrySet()) {
                    int[] outcome = scope.callAsSystem(tenant.getKey(), () -> {
                        int[] counts = new int[2];
                        tenant.getValue().forEach(id -> counts[post(id) ? 0 : 1]++);
                        return counts;
                    });
                    sent += outcome[0];
                    failed += outcome[1];
                }
                if (due.size() < properties.batchSize()) {
                    break;
                }
            }
            return new Dispatch(true, sent, failed);
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Posts one message of the current tenant now and records the outcome; true when it was posted.
     * Outside any transaction: the post is not held inside one.
     */
    boolean post(Long id) {
        Long tenantId = TenantContext.requireTenantId();
        Outgoing outgoing = transactions.execute(s -> messages.findOneForTenant(tenantId, id)
                .filter(m -> m.getStatus().isOpen())
                .map(m -> new Outgoing(m.getId(), m.getText(), settings.findForTenant(tenantId).map(ChatSettings::getWebhookUrl).orElse(null)))
                .orElse(null));
        if (outgoing == null) {
            return false;
        }
        if (outgoing.url() == null) {
            record(tenantId, id, "No chat webhook is set for this organisation.", true);
            return false;
        }
        String error = send(outgoing.url(), outgoing.text());
        record(tenantId, id, error, false);
        return error == null;
    }

    /** Null when the chat service took the message; otherwise what went wrong, without the address. */
    private @Nullable String send(String url, String text) {
        String checked;
        try {
            checked = addresses.check(url);
        } catch (RuleViolationException e) {
            return e.getMessage();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(checked))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(text), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "The chat service answered HTTP " + status + ".";
        } catch (HttpTimeoutException e) {
            return "The chat service did not answer within " + properties.requestTimeout().toSeconds() + " s.";
        } catch (IOException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(url, WebhookAddress.masked(url));
            return "The chat service could not be reached: " + detail;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted before the chat service answered.";
        }
    }

    private void record(Long tenantId, Long id, @Nullable String error, boolean permanent) {
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(s -> messages.findOneForTenant(tenantId, id)
                    .filter(m -> m.getStatus().isOpen())
                    .ifPresent(m -> {
                        if (error == null) {
                            m.sent(now);
                        } else {
                            m.failed(now, error, schedule, permanent);
                            if (m.getStatus() == ChatMessageStatus.GAVE_UP) {
                                log.warn("Gave up posting chat message {} of tenant {} after {} attempts: {}", id, tenantId, m.getAttempts(), error);
                            }
                        }
                    }));
        } catch (OptimisticLockingFailureException e) {
            log.info("Chat message {} changed while it was being posted; its outcome is recorded at the next poll", id);
        }
    }

    /** {@code {"text": "…"}} with the text escaped as JSON requires. */
    static String json(String text) {
        StringBuilder json = new StringBuilder(text.length() + 16).append("{\"text\":\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }

    /** For the ADMIN's test: the message's state after its post. */
    Optional<ChatMessage> message(Long tenantId, Long id) {
        return Optional.ofNullable(transactions.execute(s -> messages.findOneForTenant(tenantId, id).orElse(null)));
    }
}
