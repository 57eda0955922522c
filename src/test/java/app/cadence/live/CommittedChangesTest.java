package app.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.events.ItemChanged;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.project.domain.Health;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Domain events travel to the broadcaster only after their transaction commits, on the channels
 * of their own tenant. In process the listener runs on the committing thread, so by the time a
 * service call returns its message has been delivered: no waiting needed.
 */
@IntegrationTest
class CommittedChangesTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ProjectHealthService health;
    @Autowired LiveUpdates live;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    Member acmePm;
    Member globexPm;
    Long projectId;
    Long instanceId;
    final List<LiveMessage> acmeHeard = new CopyOnWriteArrayList<>();
    final List<LiveMessage> globexHeard = new CopyOnWriteArrayList<>();
    final List<Registration> registrations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        var acme = fixtures.tenant("Acme live");
        var globex = fixtures.tenant("Globex live");
        Member pmo = fixtures.member(acme, Role.PMO);
        acmePm = fixtures.member(acme, Role.PM);
        globexPm = fixtures.member(globex, Role.PM);
        projectId = fixtures.project(acmePm, "CLOUD-02", "Cloud move");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        Long version = as(acmePm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2).withSecond(0).withNano(0);
        instanceId = as(acmePm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook", Anchors.at(t0))));
        // Globex listens on the very same topics, with the very same ids: only its tenant differs.
        for (String topic : List.of(Topic.instance(instanceId), Topic.project(projectId), Topic.PORTFOLIO)) {
            registrations.add(live.register(new Channel(acme.id(), topic), acmeHeard::add));
            registrations.add(live.register(new Channel(globex.id(), topic), globexHeard::add));
        }
    }

    @AfterEach
    void unregister() {
        registrations.forEach(Registration::remove);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    ItemView firstItem() {
        return as(acmePm, () -> reading.details(instanceId)).items().getFirst();
    }

    @Test
    void aCommittedItemChangeReachesItsTenantsScreensOnceWithWhoAndWhat() {
        ItemView item = firstItem();
        as(acmePm, () -> itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.DONE, null)));

        assertThat(acmeHeard).hasSize(3); // one per registration: instance, project and portfolio channel
        LiveMessage message = acmeHeard.getFirst();
        assertThat(message.subject()).isEqualTo(ItemChanged.SUBJECT);
        assertThat(message.subjectId()).isEqualTo(item.id());
        assertThat(message.changed()).containsExactly("STATUS");
        assertThat(message.changedById()).isEqualTo(acmePm.userId());
        assertThat(message.changedByName()).isEqualTo(acmePm.name());
        assertThat(message.tenantId()).isEqualTo(acmePm.tenantId());
        assertThat(message.origin()).isNull(); // not made from a screen
        assertThat(globexHeard).isEmpty();
    }

    /**
     * A live message is a hint to re-read, not an event worth keeping: announcing one writes no
     * row to Spring Modulith's publication registry. Recorded there, each change took two more
     * transactions after its commit while still holding its connection, and twenty people adding
     * retrospective cards at once exhausted the pool (RetroSessionServiceTest).
     */
    @Test
    void aLiveChangeIsNotRecordedInTheEventPublicationRegistry() {
        ItemView item = firstItem();
        Integer before = jdbc.queryForObject("select count(*) from EVENT_PUBLICATION", Integer.class);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        as(acmePm, () -> outer.execute(status -> {
            itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.DONE, null));
            assertThat(jdbc.queryForObject("select count(*) from EVENT_PUBLICATION", Integer.class)).as("within the change").isEqualTo(before);
            return null;
        }));
        assertThat(acmeHeard).isNotEmpty();
    }

    @Test
    void nothingIsAnnouncedForAChangeThatRolledBack() {
        ItemView item = firstItem();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        as(acmePm, () -> outer.execute(status -> {
            itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.DONE, null)); // published inside ...
            status.setRollbackOnly(); // ... and rolled back
            return null;
        }));
        assertThat(firstItem().status()).isEqualTo(item.status());

        assertThatThrownBy(() -> as(acmePm, () -> outer.execute(status -> {
            itemWork.update(ItemUpdate.from(item).withStatus(ItemStatus.IN_PROGRESS, null));
            throw new RuleViolationException(null, "a later step of the same transaction fails");
        }))).isInstanceOf(RuleViolationException.class);
        assertThat(firstItem().status()).isEqualTo(item.status());

        assertThat(acmeHeard).isEmpty();
        assertThat(globexHeard).isEmpty();
    }

    @Test
    void aBulkChangeAnnouncesEveryItem() {
        List<ItemView> items = as(acmePm, () -> reading.details(instanceId)).items();
        var refs = items.stream().map(i -> new app.cadence.work.service.InstanceViews.ItemRef(i.id(), i.version())).toList();
        as(acmePm, () -> itemWork.bulkStatus(instanceId, refs, ItemStatus.IN_PROGRESS, null));

        assertThat(acmeHeard.stream().filter(m -> m.topics().contains(Topic.instance(instanceId))).map(LiveMessage::subjectId).distinct())
                .hasSize(items.size());
        assertThat(globexHeard).isEmpty();
    }

    @Test
    void aHealthOverrideIsAProjectChange() {
        long version = fixtures.load(acmePm, projectId).getVersion();
        as(acmePm, () -> {
            health.override(projectId, version, Health.RED, "Sponsor escalation");
            return null;
        });

        assertThat(acmeHeard).extracting(LiveMessage::subject).containsOnly(ProjectChanged.SUBJECT);
        assertThat(acmeHeard).extracting(LiveMessage::changed).containsOnly(java.util.Set.of("HEALTH"));
        assertThat(globexHeard).isEmpty();
    }
}
