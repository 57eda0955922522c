package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.RollupCheckpointMoves;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stored per-project counts the portfolio reads must always equal what the items say: after
 * applying, editing, bulk changes, re-scheduling, removing instances and deleting projects.
 */
@IntegrationTest
class ProjectRollupTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ProjectService projects;
    @Autowired ProjectRollups rollups;
    @Autowired TestClock clock;
    @Autowired RollupCheckpointMoves checkpointMoves;
    @Autowired app.cadence.tenancy.service.TenantProvisioning provisioning;

    Tenant tenant;
    Member pm;
    Long projectId;
    Long templateId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Rollup");
        Member pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        projectId = fixtures.project(pm, "RU-" + UUID.randomUUID().toString().substring(0, 4), "Roll-up");
        templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long apply(String name, LocalDateTime t0) {
        Long version = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        return as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, version, name, Anchors.at(t0))));
    }

    List<ItemView> items(Long instanceId) {
        return as(pm, () -> reading.details(instanceId)).items();
    }

    static long forward(List<ItemView> items) {
        return items.stream().filter(i -> i.sectionRole() != app.cadence.template.domain.SectionRole.ROLLBACK).count();
    }

    void storedCountsMatchTheItems() {
        assertThat(rollups.stored(tenant.id())).isEqualTo(rollups.countedFromItems(tenant.id()));
        assertThat(rollups.storedDue(tenant.id())).as("overdue, due and done later as of each row's checkpoint")
                .isEqualTo(rollups.dueCountedFromItems(tenant.id()));
    }

    @Test
    void aNewProjectStartsAtZero() {
        assertThat(rollups.stored(tenant.id())).containsEntry(projectId, RollupCounts.NONE);
    }

    @Test
    void everyKindOfChangeKeepsTheStoredCountsRight() {
        LocalDateTime past = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2).withNano(0);
        Long first = apply("Rehearsal", past);
        Long second = apply("Live", past.plusDays(10));
        storedCountsMatchTheItems();
        RollupCounts applied = rollups.stored(tenant.id()).get(projectId);
        // Every step but the rollback ones, which count only on a run's screen once rollback is invoked.
        assertThat(applied.items()).isEqualTo(forward(items(first)) + forward(items(second)));
        assertThat(applied.cutoverItems()).isEqualTo(applied.items());

        List<ItemView> firstItems = items(first);
        // One by one: blocked, done, not applicable, done again after being reopened, re-scheduled to no date.
        ItemView a = firstItems.get(0);
        as(pm, () -> itemWork.update(ItemUpdate.from(a).withStatus(ItemStatus.BLOCKED, "Vendor late")));
        storedCountsMatchTheItems();
        ItemView b = firstItems.get(1);
        ItemView doneB = as(pm, () -> itemWork.update(ItemUpdate.from(b).withStatus(ItemStatus.DONE, null)));
        storedCountsMatchTheItems();
        ItemView c = firstItems.get(2);
        as(pm, () -> itemWork.update(ItemUpdate.from(c).withStatus(ItemStatus.NOT_APPLICABLE, null)));
        storedCountsMatchTheItems();
        ItemView reopened = as(pm, () -> itemWork.update(ItemUpdate.from(doneB).withStatus(ItemStatus.OPEN, null)));
        storedCountsMatchTheItems();
        ItemView redone = as(pm, () -> itemWork.update(ItemUpdate.from(reopened).withStatus(ItemStatus.DONE, null)));
        as(pm, () -> itemWork.update(new ItemUpdate(redone.id(), redone.version(), redone.status(), null, redone.assigneeUserId(),
                null, redone.notes(), redone.evidenceUrl())));
        storedCountsMatchTheItems();
        assertThat(rollups.stored(tenant.id()).get(projectId).blocked()).isEqualTo(1);

        // In bulk, the second instance's items that need no evidence done, then all of them assigned.
        List<ItemView> secondItems = items(second);
        List<ItemRef> all = secondItems.stream().filter(i -> !i.evidenceRequired()).map(i -> new ItemRef(i.id(), i.version())).toList();
        long forwardDone = secondItems.stream().filter(i -> !i.evidenceRequired())
                .filter(i -> i.sectionRole() != app.cadence.template.domain.SectionRole.ROLLBACK).count();
        as(pm, () -> itemWork.bulkStatus(second, all, ItemStatus.DONE, null));
        storedCountsMatchTheItems();
        List<ItemRef> again = items(second).stream().map(i -> new ItemRef(i.id(), i.version())).toList();
        as(pm, () -> itemWork.bulkAssign(second, again, pm.userId()));
        storedCountsMatchTheItems();
        assertThat(rollups.stored(tenant.id()).get(projectId).cutoverDone()).isEqualTo(forwardDone + 1);

        // Removing an instance takes its items away from the counts.
        InstanceDetails removed = as(pm, () -> reading.details(first));
        as(pm, () -> {
            applying.delete(first, removed.version());
            return null;
        });
        storedCountsMatchTheItems();
        assertThat(rollups.stored(tenant.id()).get(projectId).items()).isEqualTo(forward(items(second)));

        // Deleting the project removes its row.
        long version = fixtures.load(pm, projectId).getVersion();
        as(pm, () -> {
            projects.delete(projectId, version);
            return null;
        });
        assertThat(rollups.stored(tenant.id())).doesNotContainKey(projectId);
    }

    /**
     * The overdue, due and done-later counts are kept as of the row's checkpoint. Changes made
     * while the checkpoint lags behind the clock, the checkpoint's move, and changes after it all
     * keep them equal to a recount of the items as of the checkpoint; moving to the same hour
     * again changes nothing.
     */
    @Test
    void theCheckpointMovesAndChangesOnEitherSideOfItCountRight() {
        Long instance = apply("Live", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(2).withNano(0));
        storedCountsMatchTheItems();

        clock.advance(Duration.ofHours(5)); // every step is due now, the row still counts as of five hours ago
        List<ItemView> steps = items(instance).stream().filter(i -> i.dueAt() != null && !i.evidenceRequired()).toList();
        ItemView done = as(pm, () -> itemWork.update(ItemUpdate.from(steps.get(0)).withStatus(ItemStatus.DONE, null)));
        ItemView later = steps.get(1);
        ItemView moved = as(pm, () -> itemWork.update(new ItemUpdate(later.id(), later.version(), later.status(), null, later.assigneeUserId(),
                clock.instant().plus(Duration.ofDays(1)), later.notes(), later.evidenceUrl())));
        storedCountsMatchTheItems();

        java.time.Instant hour = ProjectRollups.checkpointAt(clock.instant());
        assertThat(rollups.countedFrom(tenant.id())).as("a new organisation's pages read from the first checkpoint").isBefore(hour);
        checkpointMoves.move(tenant.id(), hour);
        storedCountsMatchTheItems();
        assertThat(rollups.countedFrom(tenant.id())).as("and from the hour once every row is there").isEqualTo(hour);
        var afterMove = rollups.storedDue(tenant.id());
        assertThat(afterMove.get(projectId).overdue()).as("outstanding steps due before this hour").isPositive();
        checkpointMoves.move(tenant.id(), hour);
        assertThat(rollups.storedDue(tenant.id())).isEqualTo(afterMove);

        // After the move: reopened, and moved back to before the checkpoint.
        as(pm, () -> itemWork.update(ItemUpdate.from(done).withStatus(ItemStatus.OPEN, null)));
        as(pm, () -> itemWork.update(new ItemUpdate(moved.id(), moved.version(), moved.status(), null, moved.assigneeUserId(),
                hour.minus(Duration.ofHours(1)), moved.notes(), moved.evidenceUrl())));
        storedCountsMatchTheItems();
        InstanceDetails removed = as(pm, () -> reading.details(instance));
        as(pm, () -> {
            applying.delete(instance, removed.version());
            return null;
        });
        storedCountsMatchTheItems();
        assertThat(rollups.storedDue(tenant.id()).get(projectId)).isEqualTo(app.cadence.work.domain.DueCounts.NONE);
    }

    @Test
    void anOrganisationOpenedBySignUpHasWhereItsCountsStartFromTheStart() {
        Long opened = provisioning.createTenantNamed(Fixtures.unique("Checkpoint"));
        assertThat(rollups.countedFrom(opened)).as("before it has any project").isNotNull();
    }

    @Test
    void anotherTenantsChangesNeverTouchThisTenantsCounts() {
        apply("Live", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).withNano(0));
        var before = rollups.stored(tenant.id());

        Tenant other = fixtures.tenant("Other roll-up");
        Member otherPm = fixtures.member(other, Role.PM);
        Member otherPmo = fixtures.member(other, Role.PMO);
        Long otherProject = fixtures.project(otherPm, "OT-1", "Other");
        Long otherTemplate = fixtures.publishedTemplate(otherPmo, "Runbook", SampleTemplates.runbook());
        Long otherVersion = scope.call(otherPm.userId(), other.id(), () -> applying.applicableTemplates().stream()
                .filter(t -> t.id().equals(otherTemplate)).findFirst().orElseThrow().latest().id());
        scope.call(otherPm.userId(), other.id(), () -> applying.instantiate(new InstantiationRequest(otherProject, otherTemplate,
                otherVersion, "Theirs", Anchors.at(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).withNano(0)))));

        var dueBefore = rollups.storedDue(tenant.id());
        var countedFromBefore = rollups.countedFrom(tenant.id());
        clock.advance(Duration.ofDays(4));
        checkpointMoves.move(other.id(), ProjectRollups.checkpointAt(clock.instant()));
        assertThat(rollups.countedFrom(tenant.id())).isEqualTo(countedFromBefore);
        assertThat(rollups.countedFrom(other.id())).isEqualTo(ProjectRollups.checkpointAt(clock.instant()));
        assertThat(rollups.storedDue(other.id()).get(otherProject).overdue()).as("their steps are overdue as of their new checkpoint").isPositive();
        assertThat(rollups.storedDue(tenant.id())).as("this tenant's checkpoint did not move").isEqualTo(dueBefore);

        assertThat(rollups.stored(tenant.id())).isEqualTo(before).doesNotContainKey(otherProject);
        assertThat(rollups.stored(other.id())).containsOnlyKeys(otherProject);
        assertThat(rollups.stored(other.id()).get(otherProject).items()).isPositive();
    }
}
