package app.cadence.notify.service;

import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.shared.PublicLinks;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: at 08:00 in each organisation's zone, every member with notices waiting for
 * their digest (their preference for those kinds) gets one email listing them.
 *
 * <p>Exactly once, with any number of nodes: the job runs under a ShedLock row, and each digest is
 * claimed by inserting its row in {@code notification_digest} — key (tenant, user, day) — in the
 * same transaction that queues the email and clears the notices' flags. A second node building the
 * same digest meets that key and rolls back whole. Nothing is lost: the job polls (every five
 * minutes by default) and sends any digest of the day not yet sent, so a node that was down at
 * 08:00 catches up when it comes back; notices that arrive after today's digest wait for tomorrow's.
 */
@Service
public class DailyDigest {

    static final String LOCK_NAME = "notification-digest";
    /** The most notices one email lists; the rest are counted, and all are on the Notifications page. */
    static final int LISTED_MAX = 50;
    /** People per transaction. */
    static final int CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    /** What one run did: how many digests it queued, and for how many organisations. */
    public record Run(boolean ran, int tenants, int digests) {
    }

    private record Pending(Long userId, int notices) {
    }

    private record Notice(Long id, NotificationKind kind, String title, @Nullable String link, Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TenantScope scope;
    private final TenantSettings settings;
    private final MembershipDirectory members;
    private final Outbox outbox;
    private final PublicLinks links;
    private final LockProvider locks;
    private final Clock clock;
    private final LocalTime sendAt;
    private final Duration validFor;
    private final TransactionTemplate transactions;

    DailyDigest(JdbcClient jdbc, JdbcTemplate batch, TenantScope scope, TenantSettings settings, MembershipDirectory members, Outbox outbox, PublicLinks links,
                LockProvider locks, Clock clock, PlatformTransactionManager transactionManager,
                @Value("${cadence.notifications.digest-time:08:00}") LocalTime sendAt,
                @Value("${cadence.notifications.email-valid-for:P1D}") Duration validFor) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.scope = scope;
        this.settings = settings;
        this.members = members;
        this.outbox = outbox;
        this.links = links;
        this.locks = locks;
        this.clock = clock;
        this.sendAt = sendAt;
        this.validFor = validFor;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${cadence.notifications.digest-poll:PT5M}", initialDelayString = "${cadence.notifications.digest-poll:PT5M}")
    void poll() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.error("The daily digests could not be sent; they will be tried again at the next poll", e);
        }
    }

    /** Every digest due now, unless another node is at it (the ShedLock row). */
    public Run runDue() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(30), Duration.ZERO));
        if (lock.isEmpty()) {
            return new Run(false, 0, 0);
        }
        try {
            return sendDue();
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Every digest due now, without the lock: safe to run on two nodes at once (each digest's row
     * is claimed once), which is what the lock normally prevents from happening at all.
     */
    public Run sendDue() {
        // Across tenants on purpose, ids only: each tenant is then read inside its own scope.
        List<Long> tenants = jdbc.sql("select distinct tenant_id from notification where digest_pending = true")
                .query(Long.class).list();
        int digests = 0;
        int reached = 0;
        for (Long tenantId : tenants) {
            int sent = scope.callAsSystem(tenantId, this::sendDueInTenant);
            if (sent > 0) {
                reached++;
                digests += sent;
            }
        }
        return new Run(true, reached, digests);
    }

    /** The current tenant's digests due now; how many were queued. */
    private int sendDueInTenant() {
        Long tenantId = TenantContext.requireTenantId();
        String organisation = TenantContext.currentSelection().map(s -> s.tenantName()).orElse("Cadence");
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (local.toLocalTime().isBefore(sendAt)) {
            return 0; // yesterday's was sent (or caught up); today's is not due yet
        }
        LocalDate day = local.toLocalDate();
        List<Pending> pending = jdbc.sql("""
                        select n.recipient_id, count(*) as notices from notification n
                         where n.tenant_id = :tenant and n.digest_pending = true and n.created_at <= :now
                           and not exists (select 1 from notification_digest d
                                            where d.tenant_id = n.tenant_id and d.user_id = n.recipient_id and d.digest_day = :day)
                         group by n.recipient_id""")
                .param("tenant", tenantId).param("now", utc(now)).param("day", day)
                .query((rs, i) -> new Pending(rs.getLong("recipient_id"), rs.getInt("notices"))).list();
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, MemberSummary> active = members.activeMembers(pending.stream().map(Pending::userId).toList()).stream()
                .collect(Collectors.toMap(MemberSummary::userId, Function.identity()));
        int sent = 0;
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
            try {
                sent += Objects.requireNonNull(transactions.execute(s -> digestChunk(tenantId, organisation, zone, day, now, chunk, active)));
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
                // Another node claimed one of these at the same moment: person by person, each claim on its own.
                for (Pending p : chunk) {
                    sent += digestAlone(tenantId, organisation, zone, day, now, p.userId(), active.get(p.userId()));
                }
            }
        }
        return sent;
    }

    private int digestAlone(Long tenantId, String organisation, ZoneId zone, LocalDate day, Instant now, Long userId,
                            @Nullable MemberSummary member) {
        try {
            return Boolean.TRUE.equals(transactions.execute(s -> digest(tenantId, organisation, zone, day, now, userId, member))) ? 1 : 0;
        } catch (DuplicateKeyException e) {
            // Another node claimed this digest first: it sends it, this one does nothing.
            log.debug("Digest of user {} in tenant {} for {} already claimed", userId, tenantId, day);
        } catch (PessimisticLockingFailureException e) {
            // Nothing of it committed: the next poll looks at this person again.
            log.info("Digest of user {} in tenant {} for {} met a lock; it is tried again at the next poll", userId, tenantId, day);
        }
        return 0;
    }

    /**
     * Up to {@link #CHUNK} people's digests in one transaction — claims in one batch, notices read and
     * cleared in one statement each — so that 10,000 digests are not 10,000 commits. A claim that
     * meets another node's rolls the whole chunk back, and the caller goes person by person.
     */
    private int digestChunk(Long tenantId, String organisation, ZoneId zone, LocalDate day, Instant now, List<Pending> chunk,
                            Map<Long, MemberSummary> active) {
        List<Long> users = chunk.stream().map(Pending::userId).toList();
        Map<Long, List<Notice>> byUser = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select id, recipient_id, kind, title, link, created_at, read_at from notification
                         where tenant_id = :tenant and recipient_id in (:users) and digest_pending = true and created_at <= :now
                         order by recipient_id, created_at, id""")
                .param("tenant", tenantId).param("users", users).param("now", utc(now))
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong("recipient_id"), u -> new java.util.ArrayList<>()).add(new Notice(rs.getLong("id"),
                            kind(rs.getString("kind")), rs.getString("title"), rs.getString("link"),
                            rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getObject("read_at") != null));
                });
        if (byUser.isEmpty()) {
            return 0;
        }
        List<Object[]> claims = new java.util.ArrayList<>(byUser.size());
        List<Long> ids = new java.util.ArrayList<>();
        byUser.forEach((user, notices) -> {
            long unread = notices.stream().filter(n -> !n.read()).count();
            claims.add(new Object[] {tenantId, user, day, active.containsKey(user) ? unread : 0, utc(now)});
            notices.forEach(n -> ids.add(n.id()));
        });
        // The claims first: a second node building the same digests fails here, before anything is queued.
        batch.batchUpdate("insert into notification_digest (tenant_id, user_id, digest_day, notices, created_at) values (?, ?, ?, ?, ?)", claims);
        jdbc.sql("update notification set digest_pending = false where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenantId).param("ids", ids).update();
        int queued = 0;
        for (Map.Entry<Long, List<Notice>> entry : byUser.entrySet()) {
            MemberSummary member = active.get(entry.getKey());
            List<Notice> unread = entry.getValue().stream().filter(n -> !n.read()).toList();
            if (member != null && !unread.isEmpty()) {
                outbox.enqueue(new Email(EmailKind.NOTIFICATION, member.email(), subject(organisation, unread.size()),
                        text(organisation, zone, unread), links.to("notifications"), now.plus(validFor)));
                queued++;
            }
        }
        return queued;
    }

    /** One person's digest in one transaction: claim, list, clear, queue. False when there was nothing left to email. */
    private boolean digest(Long tenantId, String organisation, ZoneId zone, LocalDate day, Instant now, Long userId,
                           @Nullable MemberSummary member) {
        List<Notice> notices = jdbc.sql("""
                        select id, kind, title, link, created_at, read_at from notification
                         where tenant_id = :tenant and recipient_id = :user and digest_pending = true and created_at <= :now
                         order by created_at, id""")
                .param("tenant", tenantId).param("user", userId).param("now", utc(now))
                .query((rs, i) -> new Notice(rs.getLong("id"), kind(rs.getString("kind")), rs.getString("title"), rs.getString("link"),
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getObject("read_at") != null))
                .list();
        if (notices.isEmpty()) {
            return false;
        }
        List<Notice> unread = notices.stream().filter(n -> !n.read()).toList();
        boolean emailed = member != null && !unread.isEmpty();
        // The claim: a second node building the same digest fails here, before anything is queued.
        jdbc.sql("insert into notification_digest (tenant_id, user_id, digest_day, notices, created_at) values (:tenant, :user, :day, :n, :at)")
                .param("tenant", tenantId).param("user", userId).param("day", day).param("n", emailed ? unread.size() : 0)
                .param("at", utc(now)).update();
        long lastId = notices.stream().mapToLong(Notice::id).max().orElseThrow();
        jdbc.sql("""
                        update notification set digest_pending = false
                         where tenant_id = :tenant and recipient_id = :user and digest_pending = true and id <= :last""")
                .param("tenant", tenantId).param("user", userId).param("last", lastId).update();
        if (!emailed) {
            return false; // read in the app already, or no longer a member: nothing to email
        }
        outbox.enqueue(new Email(EmailKind.NOTIFICATION, member.email(), subject(organisation, unread.size()),
                text(organisation, zone, unread), links.to("notifications"), now.plus(validFor)));
        return true;
    }

    static String subject(String organisation, int count) {
        return NotificationEmails.subject(organisation, "Your daily digest: " + count + (count == 1 ? " notification" : " notifications"));
    }

    private String text(String organisation, ZoneId zone, List<Notice> unread) {
        StringBuilder text = new StringBuilder("Your notifications since the last digest:\n\n");
        for (Notice n : unread.subList(0, Math.min(unread.size(), LISTED_MAX))) {
            text.append("• ").append(n.kind().label()).append(" — ").append(n.title())
                    .append(" (").append(WHEN.format(n.createdAt().atZone(zone))).append(")\n");
            if (n.link() != null) {
                text.append("  ").append(links.to(n.link())).append('\n');
            }
        }
        if (unread.size() > LISTED_MAX) {
            text.append("\n… and ").append(unread.size() - LISTED_MAX).append(" more.\n");
        }
        text.append("\nAll of them in Cadence:\n").append(links.to("notifications")).append("\n\n")
                .append("You receive this digest as a member of ").append(organisation)
                .append(" on Cadence. Choose how you hear of each kind under Notifications → Settings.\n");
        return text.toString();
    }

    private static NotificationKind kind(String name) {
        try {
            return NotificationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return NotificationKind.GENERIC;
        }
    }

    /** Zone-less UTC, as instants are stored here (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

}
