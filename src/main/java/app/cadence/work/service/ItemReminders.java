package app.cadence.work.service;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.WorkSql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds assignees of their outstanding items, on one node (ShedLock), every quarter of an hour:
 * {@code DUE_TOMORROW} for an item due tomorrow in the organisation's zone, {@code OVERDUE} once it
 * is past due. Once per item and due date — the dedupe key holds the due date, so an item moved
 * to another date is reminded again. A poll missed (a restart) is caught up by the next: overdue
 * items are looked for over the past {@link #OVERDUE_LOOKBACK}, so ancient items are not all
 * reminded at once the first time the job runs. Rollback steps (which run only on a rollback)
 * and unassigned items are not reminded.
 */
@NamedInterface("api")
@Service
public class ItemReminders {

    static final String LOCK_NAME = "work-item-reminders";
    static final Duration OVERDUE_LOOKBACK = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(ItemReminders.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final String OUTSTANDING = "('" + ItemStatus.OPEN + "', '" + ItemStatus.IN_PROGRESS + "', '" + ItemStatus.BLOCKED + "')";

    private record Due(Long id, Long tenantId, Long instanceId, String title, Long assignee, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final TenantSettings settings;
    private final Notifications notifications;
    private final LockProvider locks;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ItemReminders(JdbcClient jdbc, TenantScope scope, TenantSettings settings, Notifications notifications, LockProvider locks, Clock clock,
                  PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
        this.notifications = notifications;
        this.locks = locks;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${cadence.work.reminder-poll:PT15M}", initialDelayString = "${cadence.work.reminder-poll:PT15M}")
    void poll() {
        try {
            remindDue();
        } catch (RuntimeException e) {
            log.warn("Item reminders could not be sent; trying again at the next round", e);
        }
    }

    /** Sends the reminders due now, unless another node is at it; how many people were newly told. */
    public int remindDue() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(15), Duration.ZERO));
        if (lock.isEmpty()) {
            return 0;
        }
        try {
            return remindAll();
        } finally {
            lock.get().unlock();
        }
    }

    private int remindAll() {
        Instant now = clock.instant();
        // Across tenants on purpose: the candidates (due from a week ago to two days ahead, the widest
        // "tomorrow" of any zone), then each tenant's own reminders inside its own scope.
        List<Due> candidates = jdbc.sql("""
                        select it.id, it.tenant_id, it.instance_id, it.title, it.assignee_user_id, it.due_at from instance_item it
                         where it.status in %s and it.due_at >= :from and it.due_at < :until
                           and it.assignee_user_id is not null and %s""".formatted(OUTSTANDING, WorkSql.COUNTED))
                .param("from", utc(now.minus(OVERDUE_LOOKBACK))).param("until", utc(now.plus(Duration.ofDays(3))))
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("instance_id"), rs.getString("title"),
                        rs.getLong("assignee_user_id"), rs.getObject("due_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
        Map<Long, List<Due>> byTenant = new LinkedHashMap<>();
        candidates.forEach(d -> byTenant.computeIfAbsent(d.tenantId(), t -> new java.util.ArrayList<>()).add(d));
        int told = 0;
        for (Map.Entry<Long, List<Due>> tenant : byTenant.entrySet()) {
            told += scope.callAsSystem(tenant.getKey(), () -> Objects.requireNonNull(transactions.execute(s -> remind(tenant.getValue(), now))));
        }
        return told;
    }

    private int remind(List<Due> items, Instant now) {
        ZoneId zone = settings.zone();
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        int told = 0;
        for (Due item : items) {
            String due = DUE.format(item.dueAt().atZone(zone));
            String link = "/instances/" + item.instanceId() + "?item=" + item.id();
            if (item.dueAt().isBefore(now)) {
                told += notifications.send(NotificationRequest.to(item.assignee(), NotificationKind.OVERDUE, "Overdue: " + item.title())
                        .withBody("It was due " + due + ".").withLink(link)
                        .withDedupeKey("item:" + item.id() + ":overdue:" + item.dueAt().getEpochSecond()));
            } else if (LocalDate.ofInstant(item.dueAt(), zone).equals(tomorrow)) {
                told += notifications.send(NotificationRequest.to(item.assignee(), NotificationKind.DUE_TOMORROW, "Due tomorrow: " + item.title())
                        .withBody("It is due " + due + ".").withLink(link)
                        .withDedupeKey("item:" + item.id() + ":due-tomorrow:" + item.dueAt().getEpochSecond()));
            }
        }
        return told;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
