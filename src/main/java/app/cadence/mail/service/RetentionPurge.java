package app.cadence.mail.service;

import app.cadence.mail.domain.OutboxMessageRepository;
import app.cadence.shared.ExpiredRecords;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps no secret longer than it is useful, once per cluster (a ShedLock row, like the
 * dispatcher): an email whose link has expired loses its sealed text at once; sent and expired
 * emails, and single-use links that were used, withdrawn or expired, are deleted after
 * {@code cadence.retention.keep-for}. Each feature deletes its own records ({@link ExpiredRecords}).
 */
@Service
public class RetentionPurge {

    static final String LOCK_NAME = "retention-purge";
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one call did: rows affected per kind of record. {@code ran} is false when another node holds the lock. */
    public record Purge(boolean ran, Map<String, Integer> affected) {
        static final Purge NOT_RUN = new Purge(false, Map.of());
    }

    private final OutboxMessageRepository messages;
    private final List<ExpiredRecords> records;
    private final LockProvider locks;
    private final RetentionProperties properties;
    private final OutboxProperties outboxProperties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RetentionPurge(OutboxMessageRepository messages, List<ExpiredRecords> records, LockProvider locks, RetentionProperties properties,
                   OutboxProperties outboxProperties, Clock clock, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.records = records;
        this.locks = locks;
        this.properties = properties;
        this.outboxProperties = outboxProperties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${cadence.retention.interval:PT1H}", initialDelayString = "${cadence.retention.interval:PT1H}")
    void poll() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.error("Expired secrets could not be purged; it will be tried again at the next run", e);
        }
    }

    /** Purges now, unless another node is at it. Each step commits on its own, so one failing keeps the others. */
    public Purge purge() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, outboxProperties.lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return Purge.NOT_RUN;
        }
        try {
            Instant now = clock.instant();
            Instant cutoff = now.minus(properties.keepFor());
            Map<String, Integer> affected = new LinkedHashMap<>();
            affected.put("emails whose link expired, text removed", inTransaction(() -> messages.expireUnsent(now)));
            affected.put("sent emails still holding text, text removed", inTransaction(messages::forgetSentContent));
            affected.put("sent or expired emails", inTransaction(() -> messages.deleteClosedBefore(cutoff)));
            for (ExpiredRecords r : records) {
                affected.put(r.description(), inTransaction(() -> r.deleteStoppedWorkingBefore(cutoff)));
            }
            affected.forEach((what, count) -> {
                if (count > 0) {
                    log.info("Retention purge: {} {}", count, what);
                }
            });
            return new Purge(true, affected);
        } finally {
            lock.get().unlock();
        }
    }

    private int inTransaction(java.util.function.IntSupplier step) {
        Integer count = transactions.execute(status -> step.getAsInt());
        return count == null ? 0 : count;
    }
}
