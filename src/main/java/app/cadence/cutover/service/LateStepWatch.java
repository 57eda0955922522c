package app.cadence.cutover.service;

import app.cadence.cutover.domain.RunForecast;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StepTimes;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a minute, on one node (ShedLock), tells the owners of each running run's steps that are
 * late by more than the organisation's threshold (Organisation settings, 15 minutes by default):
 * a step in progress past its planned duration, or a ready step not started past its slot. Each
 * step is reported once per run (the notice's dedupe key).
 */
@Component
public class LateStepWatch {

    private static final Logger log = LoggerFactory.getLogger(LateStepWatch.class);
    private static final String LOCK_NAME = "cutover-late-steps";

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final RunStore store;
    private final TenantSettings settings;
    private final Notifications notifications;
    private final LockProvider locks;
    private final TransactionTemplate transactions;

    LateStepWatch(JdbcClient jdbc, TenantScope scope, RunStore store, TenantSettings settings, Notifications notifications,
                  LockProvider locks, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.scope = scope;
        this.store = store;
        this.settings = settings;
        this.notifications = notifications;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${cadence.cutover.late-check:PT1M}", initialDelayString = "${cadence.cutover.late-check:PT1M}")
    void poll() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(5), Duration.ZERO));
        if (lock.isEmpty()) {
            return;
        }
        try {
            checkAll();
        } catch (RuntimeException e) {
            log.warn("Late cutover steps could not be checked; trying again at the next round", e);
        } finally {
            lock.get().unlock();
        }
    }

    /** Every running run of every organisation, each checked inside its own organisation. */
    public int checkAll() {
        // Across tenants on purpose, ids only: each run is then read inside its own tenant.
        List<RunRef> running = jdbc.sql("select id, tenant_id from cutover_run where state = 'RUNNING'")
                .query((rs, n) -> new RunRef(rs.getLong("id"), rs.getLong("tenant_id"))).list();
        int told = 0;
        for (RunRef run : running) {
            told += scope.callAsSystem(run.tenantId(), () -> java.util.Objects.requireNonNull(transactions.execute(status -> check(run.id()))));
        }
        return told;
    }

    private record RunRef(Long id, Long tenantId) {
    }

    /** Notifies the owners of the run's late steps; returns how many people were newly told. */
    int check(Long runId) {
        RunStore.LoadedRun run = store.read(runId);
        Instant now = store.now();
        Duration threshold = settings.lateStepThreshold();
        RunForecast forecast = RunForecast.of(run.steps(), run.stored().run().t0(run.stored().zone()), now);
        int told = 0;
        for (StepProgress progress : run.steps().all()) {
            StepTimes times = forecast.step(progress.key());
            Instant due = switch (progress.state()) {
                case IN_PROGRESS -> progress.startedAt() == null ? null
                        : progress.startedAt().plus(Duration.ofMinutes(run.plan().step(progress.key()).step().durationMinutes()));
                case READY -> times.plannedStart().plus(Duration.between(run.stored().run().plannedT0(), run.stored().run().t0(run.stored().zone()).current()));
                default -> null;
            };
            if (due == null || !now.isAfter(due.plus(threshold))) {
                continue;
            }
            String role = run.plan().ownerRole(progress.key());
            List<Long> owners = role == null ? List.of(run.stored().getLeadUserId()) : run.holders(role);
            if (owners.isEmpty()) {
                owners = List.of(run.stored().getLeadUserId());
            }
            long minutes = Duration.between(due, now).toMinutes();
            String title = run.plan().step(progress.key()).step().title();
            told += notifications.send(NotificationRequest.to(owners, NotificationKind.STEP_LATE,
                            "Late by " + minutes + " min: " + title)
                    .withBody(run.stored().run().name() + (progress.state() == StepState.READY ? " · not started yet" : " · still in progress"))
                    .withLink("/runs/" + runId)
                    .withDedupeKey("run:" + runId + ":step:" + progress.key() + ":late"));
        }
        return told;
    }
}
