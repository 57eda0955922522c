package app.cadence.comms.service;

import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every series' occurrences written {@link PlanningHorizon#AHEAD} ahead: each hour, on one
 * node at a time (ShedLock), the series whose mark is behind the horizon get their next days. On
 * most rounds nothing is behind and the round is one query; after midnight in an organisation's
 * zone each of its running series gets a day. Two nodes can never write the same days: besides
 * the lock, a series' mark moves under its optimistic version, so a second writer's transaction
 * fails whole and writes nothing. A round missed (the app was down) is made up by the next: the
 * horizon is weeks long and the mark says where each series stopped.
 */
@NamedInterface("api")
@Component
public class CommsHorizonRound {

    private static final Logger log = LoggerFactory.getLogger(CommsHorizonRound.class);
    private static final String LOCK_NAME = "comms-horizon";

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final CommSeriesRepository series;
    private final CommsPlanning planning;
    private final LockProvider locks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CommsHorizonRound(JdbcClient jdbc, TenantScope scope, CommSeriesRepository series, CommsPlanning planning, LockProvider locks,
                      TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.series = series;
        this.planning = planning;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cadence.comms.horizon-check:PT1H}", initialDelayString = "${cadence.comms.horizon-first-check:PT2M}")
    void poll() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(30), Duration.ZERO));
        if (lock.isEmpty()) {
            return;
        }
        try {
            extendAll();
        } catch (RuntimeException e) {
            log.warn("Communication occurrences could not be planned ahead; trying again at the next round", e);
        } finally {
            lock.get().unlock();
        }
    }

    /** One round over every organisation with a series behind the horizon; returns how many occurrences were written. */
    public int extendAll() {
        // Across tenants on purpose, ids only, with a day to spare for the zones ahead of UTC:
        // each organisation then reads its own series against its own today.
        LocalDate latestToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.MAX);
        List<Long> tenants = jdbc.sql("select distinct tenant_id from comm_series where planned_until is null or planned_until < ?")
                .params(PlanningHorizon.until(latestToday)).query(Long.class).list();
        int written = 0;
        for (Long tenantId : tenants) {
            try {
                written += scope.callAsSystem(tenantId, () -> Objects.requireNonNull(transactions.execute(status -> extend())));
            } catch (org.springframework.dao.ConcurrencyFailureException e) {
                log.info("Occurrences of organisation {} were being planned by another node; the next round checks them", tenantId);
            }
        }
        return written;
    }

    private int extend() {
        LocalDate until = PlanningHorizon.until(planning.today());
        List<CommSeries> behind = series.findBehind(TenantContext.requireTenantId(), until);
        if (behind.isEmpty()) {
            return 0;
        }
        // Not announced: the days written are weeks away, and every screen already showed them as planned.
        return planning.extend(behind, planning.calendar(), until).written();
    }
}
