package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.DailyDigest;
import app.cadence.notify.service.NotificationPreferences;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.PublicLinks;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.Mailbox.Mail;
import app.cadence.support.Simultaneously;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: one email at 08:00 in the organisation's zone listing the notices that waited
 * for it; once per person and day however often the job runs, on however many nodes; a run missed
 * at 08:00 catches up later that day; what arrives after today's digest goes into tomorrow's.
 */
@IntegrationTest
class DailyDigestTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired Notifications notifications;
    @Autowired NotificationPreferences preferences;
    @Autowired DailyDigest digest;
    @Autowired TransactionTemplate transactions;
    @Autowired Mailbox mailbox;
    @Autowired PublicLinks links;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    Tenant acme;
    Member pm;
    Member dev;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Digest");
        provisioning.changeTimeZone(acme.id(), NEW_YORK);
        pm = fixtures.member(acme, Role.PM);
        dev = digestReader(acme);
    }

    Member digestReader(Tenant tenant) {
        Member member = fixtures.member(tenant, Role.CONTRIBUTOR);
        as(member, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST,
                NotificationKind.OVERDUE, EmailDelivery.DAILY_DIGEST)));
        return member;
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void send(Member to, NotificationKind kind, String title) {
        as(pm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(to.userId(), kind, title).withLink("/my-work"))));
    }

    /** Moves the test clock forward to the next time it is {@code time} in New York. */
    void moveTo(LocalTime time) {
        ZonedDateTime now = clock.instant().atZone(NEW_YORK);
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        clock.advance(Duration.between(now, next));
    }

    List<Mail> digestsOf(Member member) {
        return mailbox.to(member.email()).stream().filter(m -> m.subject().contains("Your daily digest")).toList();
    }

    @Test
    void oneEmailAtEightListsWhatWaitedAndLaterNewsWaitsForTomorrow() {
        moveTo(LocalTime.of(7, 0));
        send(dev, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Load data");
        send(dev, NotificationKind.OVERDUE, "Overdue: Freeze changes");
        send(dev, NotificationKind.STEP_READY, "“Migrate” is ready"); // emailed at once: not a digest kind for dev
        assertThat(mailbox.to(dev.email())).hasSize(1);

        digest.runDue();
        assertThat(digestsOf(dev)).isEmpty(); // 07:00 in New York, whatever the time in UTC

        moveTo(LocalTime.of(8, 0));
        digest.runDue();
        digest.runDue();
        assertThat(digestsOf(dev)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[" + acme.name() + "] Your daily digest: 2 notifications");
            assertThat(mail.body()).contains("Item assigned to you — Assigned to you: Load data", "Overdue — Overdue: Freeze changes",
                    links.to("/my-work"), links.to("notifications")).doesNotContain("Migrate");
        });
        // The notices themselves stay unread under the bell.
        assertThat(as(dev, () -> notifications.unreadCount())).isEqualTo(3);

        moveTo(LocalTime.of(9, 30));
        send(dev, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Sign-off");
        digest.runDue();
        assertThat(digestsOf(dev)).hasSize(1);

        moveTo(LocalTime.of(8, 0));
        digest.runDue();
        assertThat(digestsOf(dev)).hasSize(2);
        assertThat(digestsOf(dev).getLast().subject()).endsWith("Your daily digest: 1 notification");
        assertThat(digestsOf(dev).getLast().body()).contains("Sign-off").doesNotContain("Load data");
    }

    @Test
    void aRunMissedAtEightCatchesUpLaterThatDay() {
        moveTo(LocalTime.of(6, 0));
        send(dev, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Load data");
        moveTo(LocalTime.of(14, 45)); // the nodes were down all morning
        digest.runDue();
        assertThat(digestsOf(dev)).hasSize(1);
    }

    @Test
    void noticesReadInTheAppAreLeftOutAndNoEmailGoesWhenAllWereRead() {
        Member other = digestReader(acme);
        moveTo(LocalTime.of(7, 0));
        send(dev, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Load data");
        send(dev, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Sign-off");
        send(other, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Read already");
        Long first = as(dev, () -> notifications.recent(0, 10)).getLast().id();
        as(dev, () -> {
            notifications.markRead(first);
            return null;
        });
        as(other, () -> notifications.markAllRead());

        moveTo(LocalTime.of(8, 5));
        digest.runDue();

        assertThat(digestsOf(dev)).singleElement().satisfies(mail -> assertThat(mail.body()).contains("Sign-off").doesNotContain("Load data"));
        assertThat(digestsOf(other)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notification where tenant_id = ? and digest_pending = true",
                Integer.class, acme.id())).isZero();
    }

    @Test
    void twoRunsAtTheSameMomentSendEachDigestOnce() throws Exception {
        List<Member> readers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            readers.add(digestReader(acme));
        }
        moveTo(LocalTime.of(7, 30));
        readers.forEach(r -> send(r, NotificationKind.ITEM_ASSIGNED, "Assigned to you: Load data"));
        moveTo(LocalTime.of(8, 0));

        // Without the lock, as if it had expired: the per-person claim alone keeps it to one.
        Simultaneously.run(2, i -> digest.sendDue());

        assertThat(readers).allSatisfy(r -> assertThat(digestsOf(r)).hasSize(1));
    }

    @Test
    void anotherOrganisationsDigestIsItsOwn() {
        Tenant globex = fixtures.tenant("Digest other");
        Member devAtGlobex = fixtures.join(dev, globex, Role.CONTRIBUTOR);
        as(devAtGlobex, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST)));
        Member globexPm = fixtures.member(globex, Role.PM);
        moveTo(LocalTime.of(7, 0));
        send(dev, NotificationKind.ITEM_ASSIGNED, "Acme task");
        as(globexPm, () -> transactions.execute(s -> notifications.send(
                NotificationRequest.to(devAtGlobex.userId(), NotificationKind.ITEM_ASSIGNED, "Globex task"))));

        moveTo(LocalTime.of(8, 0));
        digest.runDue();

        // Globex is in UTC, where 08:00 New York is already past 08:00: both are due, each lists its own.
        List<Mail> mails = digestsOf(dev);
        assertThat(mails).hasSize(2);
        assertThat(mails).filteredOn(m -> m.tenantId().equals(acme.id())).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Acme task").doesNotContain("Globex task"));
        assertThat(mails).filteredOn(m -> m.tenantId().equals(globex.id())).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Globex task").doesNotContain("Acme task"));
    }
}
