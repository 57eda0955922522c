package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.mail.domain.EmailKind;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemReminders;
import app.cadence.work.service.ItemWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Work tells people what concerns them: an assignment reaches the assignee (notice and, by default,
 * email — the "the outbox said No emails yet"), a block reaches the project's manager, and
 * the reminder job tells assignees of items due tomorrow and overdue, once per due date.
 */
@IntegrationTest
class ItemNoticesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ItemReminders reminders;
    @Autowired Notifications notifications;
    @Autowired Mailbox mailbox;
    @Autowired TestClock clock;
    @Autowired ProjectService projects;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member dev;
    Long projectId;
    Long instanceId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Item notices");
        provisioning.changeTimeZone(tenant.id(), LONDON);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
        projectId = fixtures.project(pm, "ERP-" + UUID.randomUUID().toString().substring(0, 4), "ERP go-live");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        Long versionId = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), LONDON).plusDays(10).withSecond(0).withNano(0);
        instanceId = as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Live runbook", Anchors.at(t0))));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    ItemView item(String title) {
        InstanceDetails details = as(pm, () -> reading.details(instanceId));
        return details.items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    List<NotificationView> noticesOf(Member member) {
        return as(member, () -> notifications.recent(0, 50));
    }

    ItemUpdate assign(ItemView item, Long to) {
        return new ItemUpdate(item.id(), item.version(), item.status(), item.blockedReason(), to, item.dueAt(), item.notes(), item.evidenceUrl());
    }

    @Test
    void assigningAnItemNotifiesAndEmailsTheAssignee() {
        ItemView load = item("Load data");
        as(pm, () -> itemWork.update(assign(load, dev.userId())));

        assertThat(noticesOf(dev)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ITEM_ASSIGNED);
            assertThat(n.title()).isEqualTo("Assigned to you: Load data");
            assertThat(n.link()).isEqualTo("/instances/" + instanceId + "?item=" + load.id());
        });
        assertThat(mailbox.to(dev.email())).singleElement().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(EmailKind.NOTIFICATION);
            assertThat(mail.subject()).isEqualTo("[" + tenant.name() + "] Assigned to you: Load data");
        });
        // Taking an item oneself is no news to anyone.
        as(pm, () -> itemWork.update(assign(item("Extract legacy data"), pm.userId())));
        assertThat(noticesOf(pm)).isEmpty();
    }

    @Test
    void aBulkAssignmentIsOneNoticeListingTheItems() {
        ItemView load = item("Load data");
        ItemView extract = item("Extract legacy data");
        as(pm, () -> itemWork.bulkAssign(instanceId, List.of(new ItemRef(load.id(), load.version()),
                new ItemRef(extract.id(), extract.version())), dev.userId()));

        assertThat(noticesOf(dev)).singleElement().satisfies(n -> {
            assertThat(n.title()).startsWith("2 items assigned to you in ERP-");
            assertThat(n.body()).contains("• Load data", "• Extract legacy data");
        });
        assertThat(mailbox.to(dev.email())).hasSize(1);
    }

    @Test
    void aBlockedItemOfAProjectWithoutManagerNotifiesThePmo() {
        ItemView load = item("Load data");
        as(pm, () -> itemWork.update(ItemUpdate.from(load).withStatus(ItemStatus.BLOCKED, "Vendor file late")));

        assertThat(noticesOf(pmo)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo(NotificationKind.BLOCKED_ON_YOUR_PROJECT));
    }

    @Test
    void aBlockedItemNotifiesTheProjectsManagerButNotTheOneWhoBlockedIt() {
        ProjectForm form = fixtures.load(pm, projectId);
        form.setPmUserId(pm.userId());
        as(pm, () -> projects.update(form));
        as(pm, () -> itemWork.update(assign(item("Load data"), dev.userId())));
        ItemView load = item("Load data");
        as(dev, () -> itemWork.update(ItemUpdate.from(load).withStatus(ItemStatus.BLOCKED, "Vendor file late")));

        assertThat(noticesOf(pm)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.BLOCKED_ON_YOUR_PROJECT);
            assertThat(n.title()).startsWith("Blocked on ERP-").endsWith(": Load data");
            assertThat(n.body()).contains("Vendor file late");
        });
        assertThat(noticesOf(pmo)).isEmpty(); // the project has a manager
        // The PM blocking an item of their own project tells nobody.
        ItemView extract = item("Extract legacy data");
        as(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.BLOCKED, "Waiting")));
        assertThat(noticesOf(pm)).hasSize(1);
    }

    @Test
    void remindersComeOnceTheDayBeforeAndOnceWhenOverdueAndAgainForANewDueDate() {
        ItemView load = item("Load data");
        // Due in two days' time at 17:00 London: not yet "tomorrow".
        Instant due = LocalDateTime.ofInstant(clock.instant(), LONDON).plusDays(2).withHour(17).withMinute(0).withSecond(0).withNano(0)
                .atZone(LONDON).toInstant();
        as(pm, () -> itemWork.update(new ItemUpdate(load.id(), load.version(), load.status(), null, dev.userId(), due, null, null)));
        int before = noticesOf(dev).size(); // the assignment

        reminders.remindDue();
        assertThat(noticesOf(dev)).hasSize(before);

        clock.advance(Duration.ofDays(1));
        reminders.remindDue();
        reminders.remindDue();
        assertThat(noticesOf(dev)).hasSize(before + 1);
        assertThat(noticesOf(dev).getFirst()).satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DUE_TOMORROW);
            assertThat(n.title()).isEqualTo("Due tomorrow: Load data");
        });

        clock.advance(Duration.ofDays(2));
        reminders.remindDue();
        reminders.remindDue();
        assertThat(noticesOf(dev)).hasSize(before + 2);
        assertThat(noticesOf(dev).getFirst().kind()).isEqualTo(NotificationKind.OVERDUE);

        // Moved to a new date that has passed too: reminded again for that date.
        ItemView moved = item("Load data");
        as(pm, () -> itemWork.update(new ItemUpdate(moved.id(), moved.version(), moved.status(), null, dev.userId(),
                clock.instant().minus(Duration.ofHours(1)), null, null)));
        reminders.remindDue();
        assertThat(noticesOf(dev)).hasSize(before + 3);
        assertThat(mailbox.to(dev.email())).hasSize(before + 3);
    }

    @Test
    void anItemOfAnotherOrganisationIsNeverRemindedToAMemberOfThisOne() {
        ItemView load = item("Load data");
        Instant due = clock.instant().minus(Duration.ofHours(1));
        as(pm, () -> itemWork.update(new ItemUpdate(load.id(), load.version(), load.status(), null, dev.userId(), due, null, null)));
        Tenant other = fixtures.tenant("Item notices other");
        Member devElsewhere = fixtures.join(dev, other, Role.PM);

        reminders.remindDue();

        assertThat(noticesOf(dev)).extracting(NotificationView::kind).contains(NotificationKind.OVERDUE);
        assertThat(noticesOf(devElsewhere)).isEmpty();
    }
}
