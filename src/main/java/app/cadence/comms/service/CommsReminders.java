package app.cadence.comms.service;

import app.cadence.comms.domain.CommOccurrence;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * Every few minutes, on one node at a time (ShedLock), tells owners of the communications due
 * within the next day that they are due ("Status report due" for an entry that sends the status
 * report). A status-report occurrence that has fallen due goes out by itself when the project
 * published a report since the previous one was due. Each occurrence is announced once for its due time, ever: the notice's dedupe key is
 * unique per recipient, so two nodes racing, or a round repeated after a restart, cannot send it
 * twice; a round that did not run (the app was down) is caught up by the next, which looks back a
 * week.
 */
@NamedInterface("api")
@Component
public class CommsReminders {

    private static final Logger log = LoggerFactory.getLogger(CommsReminders.class);
    private static final String LOCK_NAME = "comms-reminders";
    static final Duration AHEAD = Duration.ofDays(1);
    static final Duration CATCH_UP = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final CommOccurrenceRepository occurrences;
    private final CommSeriesRepository series;
    private final Notifications notifications;
    private final CommsPlanning planning;
    private final LockProvider locks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Communications communications;

    CommsReminders(JdbcClient jdbc, TenantScope scope, CommOccurrenceRepository occurrences, CommSeriesRepository series,
                   Notifications notifications, CommsPlanning planning, LockProvider locks, TransactionTemplate transactions, Clock clock,
                   Communications communications) {
        this.communications = communications;
        this.jdbc = jdbc;
        this.scope = scope;
        this.occurrences = occurrences;
        this.series = series;
        this.notifications = notifications;
        this.planning = planning;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cadence.comms.reminder-check:PT5M}", initialDelayString = "${cadence.comms.reminder-check:PT5M}")
    void poll() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(10), Duration.ZERO));
        if (lock.isEmpty()) {
            return;
        }
        try {
            remindAll();
        } catch (RuntimeException e) {
            log.warn("Communication reminders could not be sent; trying again at the next round", e);
        } finally {
            lock.get().unlock();
        }
    }

    /** One round over every organisation with open communications due soon; returns how many people were newly told. */
    public int remindAll() {
        Instant now = clock.instant();
        // Across tenants on purpose, ids only: each organisation is then read inside itself.
        List<Long> tenants = jdbc.sql("""
                        select distinct tenant_id from comm_occurrence where status in ('PLANNED', 'DRAFTED') and due_at >= ? and due_at < ?""")
                .params(java.sql.Timestamp.from(now.minus(CATCH_UP)), java.sql.Timestamp.from(now.plus(AHEAD)))
                .query(Long.class).list();
        int told = 0;
        for (Long tenantId : tenants) {
            try {
                told += scope.callAsSystem(tenantId, () -> Objects.requireNonNull(transactions.execute(status -> remind(now))));
            } catch (org.springframework.dao.ConcurrencyFailureException e) {
                // Another node telling the same people at the same moment (a round outside the lock): this
                // organisation's notices rolled back whole and the next round sends what is still unsent.
                log.info("Communication reminders of organisation {} met another node's; the next round finishes them", tenantId);
            }
        }
        return told;
    }

    /** When the occurrence before this one of its series was due: a status report published since then is this one's. */
    private @org.jspecify.annotations.Nullable Instant previousDue(Long tenantId, CommOccurrence o) {
        Instant previous = null;
        for (CommOccurrence other : occurrences.findBySeries(tenantId, java.util.Objects.requireNonNull(o.getSeriesId()))) {
            if (other.getDueAt().isBefore(o.getDueAt())) {
                previous = other.getDueAt();
            }
        }
        return previous;
    }

    private int remind(Instant now) {
        Long tenantId = TenantContext.requireTenantId();
        ZoneId zone = planning.zone();
        int told = 0;
        for (CommOccurrence o : occurrences.findOpenDueBetween(tenantId, now.minus(CATCH_UP), now.plus(AHEAD))) {
            CommSeries s = o.getSeriesId() == null ? null : series.findInTenant(o.getSeriesId(), tenantId).orElse(null);
            boolean report = s != null && s.sendsStatusReport();
            if (report && !o.getDueAt().isAfter(now) && communications.sendStatusReportOnSchedule(o, s, previousDue(tenantId, o))) {
                continue;
            }
            if (o.getOwnerId() == null) {
                continue;
            }
            String when = WHEN.format(o.getDueAt().atZone(zone));
            told += notifications.send(NotificationRequest.to(o.getOwnerId(), report ? NotificationKind.STATUS_REPORT_DUE : NotificationKind.COMMUNICATION_DUE,
                            (o.getDueAt().isBefore(now) ? "Overdue since " : "Due ") + when + ": " + o.getTitle())
                    .withBody(report ? "Publish the status report, then send it from the project's Communications tab."
                            : "Draft it from live project data and send it, or record it as held.")
                    .withLink("/communications/" + o.getId())
                    .withDedupeKey("comm:" + o.getId() + ":due:" + o.getDueAt().getEpochSecond()));
        }
        return told;
    }
}
