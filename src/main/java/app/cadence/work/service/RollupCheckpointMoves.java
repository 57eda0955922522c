package app.cadence.work.service;

import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.ProjectRollups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the checkpoint of every project's time-dependent counts ({@code project_rollup.counted_at})
 * to the start of the current hour, so that the portfolio reads only the items due since then.
 * On one node at a time (ShedLock); every few minutes, so a new hour is reached soon after it
 * starts, and shortly after start-up, which also brings rows counted before an upgrade (as of
 * 2000-01-01, changeset 0059) up to date. A round missed costs only speed: a reader adds the
 * items due since whatever checkpoint a row has.
 *
 * <p>Each batch of {@link #BATCH} projects is its own short READ COMMITTED transaction: it holds
 * those rows' locks (item changes to those projects wait) only while it reads the items due in
 * the hour or so between the old checkpoint and the new. Once all are through, the tenant's
 * {@code rollup_checkpoint} moves too, and pages read the items due from there.
 */
@Service
public class RollupCheckpointMoves {

    static final String LOCK_NAME = "work-rollup-checkpoints";
    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(RollupCheckpointMoves.class);

    private final ProjectRollups rollups;
    private final TenantScope scope;
    private final LockProvider locks;
    private final Clock clock;
    private final TransactionTemplate readCommitted;

    RollupCheckpointMoves(ProjectRollups rollups, TenantScope scope, LockProvider locks, Clock clock, PlatformTransactionManager transactionManager) {
        this.rollups = rollups;
        this.scope = scope;
        this.locks = locks;
        this.clock = clock;
        this.readCommitted = new TransactionTemplate(transactionManager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Scheduled(fixedDelayString = "${cadence.work.rollup-checkpoint-poll:PT5M}",
            initialDelayString = "${cadence.work.rollup-checkpoint-first-poll:PT30S}")
    void poll() {
        try {
            moveAll();
        } catch (RuntimeException e) {
            log.warn("Portfolio count checkpoints could not be moved; trying again at the next round", e);
        }
    }

    /** Moves every tenant's checkpoints to the current hour, unless another node is at it; how many tenants had some behind. */
    public int moveAll() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(30), Duration.ZERO));
        if (lock.isEmpty()) {
            return 0;
        }
        try {
            Instant to = ProjectRollups.checkpointAt(clock.instant());
            List<Long> tenants = Objects.requireNonNull(readCommitted.execute(s -> rollups.tenantsBehind(to)));
            for (Long tenantId : tenants) {
                scope.callAsSystem(tenantId, () -> move(tenantId, to));
            }
            return tenants.size();
        } finally {
            lock.get().unlock();
        }
    }

    /** Moves one tenant's checkpoints to {@code to}, batch by batch; the number of batches. */
    public int move(Long tenantId, Instant to) {
        int batches = 0;
        Long after = 0L;
        while (after != null) {
            long from = after;
            after = readCommitted.execute(s -> rollups.advance(tenantId, to, from, BATCH));
            batches++;
        }
        readCommitted.executeWithoutResult(s -> rollups.moveCountedFrom(tenantId, to));
        return batches;
    }
}
