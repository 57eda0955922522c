package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.CadenceApplication;
import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.DailyDigest;
import app.cadence.notify.service.NotificationPreferences;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.Simultaneously;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly once with two nodes: a second application context on the same database (H2 in memory
 * in this JVM, or the MariaDB of the 'mariadb' profile) — its own beans, connection pool, clock and
 * ShedLock client, as a second server would have. Both run the digest at the same moment, with
 * and without the lock, and every person gets exactly one email; both run the communication
 * reminders at the same moment, and every owner is told once of each communication falling due;
 * both extend the communications' planning horizon at once, and every occurrence is written once.
 */
@IntegrationTest
class ScheduledWorkOnTwoNodesTest {

    static ConfigurableApplicationContext secondNode;

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Notifications notifications;
    @Autowired NotificationPreferences preferences;
    @Autowired DailyDigest digest;
    @Autowired TransactionTemplate transactions;
    @Autowired Mailbox mailbox;
    @Autowired TestClock clock;
    @Autowired DataSource dataSource;
    @Autowired app.cadence.comms.service.CommsReminders reminders;
    @Autowired app.cadence.comms.service.CommsHorizonRound round;
    @Autowired app.cadence.work.service.InstanceApplication applying;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            // Closing an application resets the static holder's strategy too: this JVM's first
            // node, shared by the test classes that follow, keeps its own.
            SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
            secondNode.close();
            secondNode = null;
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    ConfigurableApplicationContext secondNode() {
        if (secondNode == null) {
            // The security context holder is static, one per JVM, and a starting application sets
            // its strategy: both "nodes" are made to share this one, as each real node has its own.
            SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
            secondNode = new SpringApplicationBuilder(CadenceApplication.class, TestClock.Config.class)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.main.banner-mode=off")
                    .initializers(context -> context.getBeanFactory().registerSingleton("sharedSecurityContextHolderStrategy", shared))
                    // An argument, not a default property: application.properties' server.port (8080)
                    // would win over a default, and .ci/run runs this test on H2 and MariaDB at once.
                    .run("--server.port=0");
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        return secondNode;
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    @Test
    void bothNodesRunTheDigestAtTheSameMomentAndEachPersonGetsOneEmail() throws Exception {
        DailyDigest otherDigest = secondNode().getBean(DailyDigest.class);
        TestClock otherClock = secondNode().getBean(TestClock.class);
        assertThat(otherDigest).isNotSameAs(digest);
        // The second node really uses its own pool on the same database.
        assertThat(secondNode().getBean(DataSource.class)).isNotSameAs(dataSource);

        Tenant tenant = fixtures.tenant("Two nodes digest");
        Member pm = fixtures.member(tenant, Role.PM);
        List<Member> readers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Member reader = fixtures.member(tenant, Role.CONTRIBUTOR);
            as(reader, () -> preferences.save(Map.of(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST)));
            readers.add(reader);
        }
        // 07:00 UTC (the new organisation's zone): the notices come in before the digest is due.
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime seven = now.with(LocalTime.of(7, 0));
        clock.advance(Duration.between(now, seven.isAfter(now) ? seven : seven.plusDays(1)));
        for (Member reader : readers) {
            as(pm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(reader.userId(), NotificationKind.ITEM_ASSIGNED,
                    "Assigned to you: step " + reader.userId()))));
        }
        clock.advance(Duration.ofHours(1));
        otherClock.advance(Duration.between(otherClock.instant(), clock.instant()));

        // The scheduled path (ShedLock) and the unlocked one, on both nodes at once.
        Simultaneously.run(4, i -> switch (i) {
            case 0 -> digest.runDue();
            case 1 -> otherDigest.runDue();
            case 2 -> digest.sendDue();
            default -> otherDigest.sendDue();
        });
        digest.runDue();
        otherDigest.runDue();

        assertThat(readers).allSatisfy(r -> assertThat(mailbox.to(r.email()))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("step " + r.userId())));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from notification_digest where tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(readers.size());
    }

    @Test
    void bothNodesRunTheCommunicationRemindersAtTheSameMomentAndEachOwnerIsToldOnce() throws Exception {
        app.cadence.comms.service.CommsReminders otherReminders = secondNode().getBean(app.cadence.comms.service.CommsReminders.class);
        TestClock otherClock = secondNode().getBean(TestClock.class);
        Tenant tenant = fixtures.tenant("Two nodes reminders");
        Member pm = fixtures.member(tenant, Role.PM);
        java.time.LocalDate monday = nextMonday();
        fivePlans(tenant, pm, "TWO", monday, 4);
        // Sunday noon: each project's Monday stand-up is due within the day.
        java.time.Instant was = clock.instant();
        clock.advance(Duration.between(clock.instant(), monday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        otherClock.advance(Duration.between(otherClock.instant(), clock.instant()));
        try {
            // Outside the lock on purpose (the scheduled round takes it): two nodes racing may roll one
            // organisation back on a deadlock, never send twice; the next round finishes what is left.
            Simultaneously.run(4, i -> switch (i) {
                case 0, 2 -> reminders.remindAll();
                default -> otherReminders.remindAll();
            });
            otherReminders.remindAll();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForObject("select count(*) from notification where tenant_id = ? and recipient_id = ? and kind = 'COMMUNICATION_DUE'",
                    Integer.class, tenant.id(), pm.userId())).as("one notice per project's stand-up").isEqualTo(5);
            assertThat(mailbox.to(pm.email())).filteredOn(m -> m.subject().contains("Stand-up")).hasSize(5);
        } finally {
            clock.advance(Duration.between(clock.instant(), was));
            otherClock.advance(Duration.between(otherClock.instant(), was));
        }
    }

    @Test
    void bothNodesExtendThePlanningHorizonAtTheSameMomentAndEachOccurrenceIsWrittenOnce() throws Exception {
        app.cadence.comms.service.CommsHorizonRound otherRound = secondNode().getBean(app.cadence.comms.service.CommsHorizonRound.class);
        TestClock otherClock = secondNode().getBean(TestClock.class);
        Tenant tenant = fixtures.tenant("Two nodes horizon");
        Member pm = fixtures.member(tenant, Role.PM);
        fivePlans(tenant, pm, "HOR", nextMonday(), 20);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String count = "select count(*) from comm_occurrence where tenant_id = ?";
        int before = jdbc.queryForObject(count, Integer.class, tenant.id());
        java.time.Instant was = clock.instant();
        clock.advance(Duration.ofDays(10));
        otherClock.advance(Duration.between(otherClock.instant(), clock.instant()));
        try {
            // Outside the lock on purpose: a series' mark moves under its version, so the slower node's
            // organisation rolls back whole and writes nothing.
            Simultaneously.run(4, i -> switch (i) {
                case 0, 2 -> round.extendAll();
                default -> otherRound.extendAll();
            });
            otherRound.extendAll();

            assertThat(jdbc.queryForObject(count, Integer.class, tenant.id())).as("ten more days of every series").isGreaterThan(before);
            assertThat(jdbc.queryForObject("""
                    select count(*) from (select series_id, scheduled_for from comm_occurrence where tenant_id = ?
                     group by series_id, scheduled_for having count(*) > 1) twice""", Integer.class, tenant.id())).isZero();
            assertThat(round.extendAll() + otherRound.extendAll()).as("nothing left for this moment").isZero();
        } finally {
            clock.advance(Duration.between(clock.instant(), was));
            otherClock.advance(Duration.between(otherClock.instant(), was));
        }
    }

    java.time.LocalDate nextMonday() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
    }

    /** The sample communication plan applied to five projects of the organisation, from {@code monday} for {@code weeks} weeks. */
    void fivePlans(Tenant tenant, Member pm, String keyPrefix, java.time.LocalDate monday, int weeks) {
        Member pmo = fixtures.member(tenant, Role.PMO);
        Long template = fixtures.publishedTemplate(pmo, "Comms plan", app.cadence.support.SampleTemplates.communicationPlan());
        for (int p = 0; p < 5; p++) {
            Long project = fixtures.project(pm, keyPrefix + "-" + p + "-" + tenant.id(), "Project " + p);
            as(pm, () -> {
                Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id();
                return applying.instantiate(new app.cadence.work.service.InstanceViews.InstantiationRequest(project, template, version, "Plan",
                        app.cadence.work.domain.Anchors.plan(monday, monday.plusWeeks(weeks), monday.plusWeeks(weeks - 1))));
            });
        }
    }
}
