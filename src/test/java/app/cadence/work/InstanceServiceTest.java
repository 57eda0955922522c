package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import app.cadence.work.domain.Anchors;
import app.cadence.project.domain.Health;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.project.service.HealthView;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.InstanceViews.Preview;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class InstanceServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired app.cadence.tenancy.service.MembershipDirectory members;
    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ProjectHealthService health;
    @Autowired TemplateLibrary library;
    @Autowired AuditTrail audit;
    @Autowired TestClock clock;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member contributor;
    Member otherContributor;
    Member viewer;
    Long projectId;
    Long templateId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Instances");
        provisioning.changeTimeZone(tenant.id(), LONDON);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        contributor = fixtures.member(tenant, Role.CONTRIBUTOR);
        otherContributor = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        projectId = fixtures.project(pm, "ERP-" + UUID.randomUUID().toString().substring(0, 4), "ERP go-live");
        templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long versionId() {
        return as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow()
                .latest().id());
    }

    /** T0 a day from now in the tenant's zone, so nothing is due yet. */
    LocalDateTime tomorrow() {
        return LocalDateTime.ofInstant(clock.instant(), LONDON).plusDays(1).withSecond(0).withNano(0);
    }

    Long apply(LocalDateTime t0, String name) {
        return as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, versionId(), name, Anchors.at(t0))));
    }

    ItemView item(InstanceDetails details, String title) {
        return details.items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void applyingCopiesTheItemsWithTheirKeysAndVersionAndTheDueDatesOfThePreview() {
        LocalDateTime t0 = LocalDateTime.of(2026, 6, 6, 18, 0);
        Preview preview = as(pm, () -> applying.preview(templateId, versionId(), Anchors.at(t0)));
        Long id = apply(t0, "Live runbook");

        InstanceDetails details = as(contributor, () -> reading.details(id));
        assertThat(details.versionNumber()).isEqualTo(1);
        assertThat(details.items()).extracting(ItemView::key).containsExactlyElementsOf(preview.items().stream().map(p -> p.item().key()).toList());
        assertThat(details.items()).extracting(ItemView::dueAt).containsExactlyElementsOf(preview.items().stream().map(p -> p.due()).toList());
        // Load finishes at T0 - 1h: 17:00 BST.
        assertThat(item(details, "Load data").dueAt().atZone(LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 6, 6, 17, 0));
        assertThat(details.items()).filteredOn(ItemView::criticalPath).extracting(ItemView::title)
                .containsExactly("Extract legacy data", "Load data", "Business sign-off");
        assertThat(item(details, "Restore backup").details()).contains("Rollback instructions: Restore last night's backup");
        assertThat(details.items()).allMatch(i -> i.status() == ItemStatus.OPEN && i.assigneeUserId() == null);

        assertThat(as(viewer, () -> reading.instancesOf(projectId))).singleElement()
                .satisfies(p -> assertThat(p.items()).as("the rollback step counts only once rollback is invoked").isEqualTo(3));
        assertThat(as(viewer, () -> audit.projectHistory(projectId, HistoryFilter.none(), 0, 10)))
                .anySatisfy(e -> assertThat(e.after()).contains("Applied").contains("as “Live runbook” with 4 items"));
    }

    @Test
    void severalInstancesOfOneTemplateAreAllowedAndGetDistinctSuggestedNames() {
        String first = as(pm, () -> applying.suggestName(projectId, "Runbook"));
        apply(tomorrow(), first);
        String second = as(pm, () -> applying.suggestName(projectId, "Runbook"));
        apply(tomorrow().plusDays(7), second);

        assertThat(first).isEqualTo("Runbook");
        assertThat(second).isEqualTo("Runbook (2)");
        assertThat(as(pm, () -> reading.instancesOf(projectId))).extracting(InstanceProgress::name).containsExactly("Runbook", "Runbook (2)");
    }

    @Test
    void aRetiredTemplateCannotBeApplied() {
        Long version = versionId();
        as(pmo, () -> {
            library.retire(templateId);
            return null;
        });
        assertThat(as(pm, () -> applying.applicableTemplates())).extracting(ApplicableTemplate::id).doesNotContain(templateId);
        assertThatThrownBy(() -> as(pm, () -> applying.instantiate(
                new InstantiationRequest(projectId, templateId, version, "Live", Anchors.at(tomorrow())))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("is retired and can no longer be applied");
    }

    @Test
    void onlyEditorsApplyTemplates() {
        Long version = versionId();
        for (Member reader : List.of(contributor, viewer)) {
            assertThatThrownBy(() -> as(reader, () -> applying.instantiate(
                    new InstantiationRequest(projectId, templateId, version, "Live", Anchors.at(tomorrow())))))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aContributorChangesOnlyStatusNotesAndEvidenceOfTheirOwnItems() {
        Long id = apply(tomorrow(), "Live");
        ItemView extractItem = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        as(pm, () -> itemWork.bulkAssign(id, List.of(new ItemRef(extractItem.id(), extractItem.version())), contributor.userId()));

        InstanceDetails mine = as(contributor, () -> reading.details(id));
        ItemView own = item(mine, "Extract legacy data");
        assertThat(own.editable()).containsExactlyInAnyOrder(ItemField.STATUS, ItemField.NOTES, ItemField.EVIDENCE);
        assertThat(item(mine, "Load data").editable()).isEmpty();

        ItemView saved = as(contributor, () -> itemWork.update(new ItemUpdate(own.id(), own.version(), ItemStatus.IN_PROGRESS, null,
                own.assigneeUserId(), own.dueAt(), "Started the extract", "https://wiki.example/extract")));
        assertThat(saved.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(saved.startedAt()).isEqualTo(clock.instant());

        // Reassigning, rescheduling, or touching someone else's item is refused.
        assertThatThrownBy(() -> as(contributor, () -> itemWork.update(new ItemUpdate(saved.id(), saved.version(), saved.status(), null,
                otherContributor.userId(), saved.dueAt(), saved.notes(), saved.evidenceUrl())))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(contributor, () -> itemWork.update(new ItemUpdate(saved.id(), saved.version(), saved.status(), null,
                saved.assigneeUserId(), saved.dueAt().plusSeconds(3600), saved.notes(), saved.evidenceUrl())))).isInstanceOf(AccessDeniedException.class);
        ItemView other = item(mine, "Load data");
        assertThatThrownBy(() -> as(contributor, () -> itemWork.update(ItemUpdate.from(other).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(otherContributor, () -> itemWork.update(ItemUpdate.from(saved).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> itemWork.update(ItemUpdate.from(saved).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(contributor, () -> itemWork.bulkStatus(id, List.of(new ItemRef(saved.id(), saved.version())), ItemStatus.DONE, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void blockedNeedsAReasonDoneRecordsWhoAndWhenAndEvidenceCanBeRequired() {
        Long id = apply(tomorrow(), "Live");
        InstanceDetails details = as(pm, () -> reading.details(id));
        ItemView extractItem = item(details, "Extract legacy data");

        assertThatThrownBy(() -> as(pm, () -> itemWork.update(ItemUpdate.from(extractItem).withStatus(ItemStatus.BLOCKED, " "))))
                .isInstanceOf(RuleViolationException.class).hasMessage("Say why “Extract legacy data” is blocked.");
        ItemView blocked = as(pm, () -> itemWork.update(ItemUpdate.from(extractItem).withStatus(ItemStatus.BLOCKED, "Legacy DB locked")));
        assertThat(blocked.blockedReason()).isEqualTo("Legacy DB locked");

        ItemView done = as(pm, () -> itemWork.update(ItemUpdate.from(blocked).withStatus(ItemStatus.DONE, null)));
        assertThat(done.completedBy()).isEqualTo(pm.name());
        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(done.blockedReason()).isNull();
        ItemView reopened = as(pm, () -> itemWork.update(ItemUpdate.from(done).withStatus(ItemStatus.OPEN, null)));
        assertThat(reopened.completedAt()).isNull();

        ItemView signOffItem = item(details, "Business sign-off");
        assertThatThrownBy(() -> as(pm, () -> itemWork.update(ItemUpdate.from(signOffItem).withStatus(ItemStatus.DONE, null))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("needs evidence");
        assertThatThrownBy(() -> as(pm, () -> itemWork.update(new ItemUpdate(signOffItem.id(), signOffItem.version(), ItemStatus.DONE, null,
                null, signOffItem.dueAt(), null, "javascript:alert(1)")))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("https://");
        ItemView signed = as(pm, () -> itemWork.update(new ItemUpdate(signOffItem.id(), signOffItem.version(), ItemStatus.DONE, null,
                null, signOffItem.dueAt(), null, "https://docs.example/sign-off.pdf")));
        assertThat(signed.status()).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void aStaleEditIsRefusedNamingWhoChangedTheItem() {
        Long id = apply(tomorrow(), "Live");
        ItemView loadedByContributor = item(as(pm, () -> reading.details(id)), "Load data");
        as(pm, () -> itemWork.update(new ItemUpdate(loadedByContributor.id(), loadedByContributor.version(), ItemStatus.IN_PROGRESS, null,
                null, loadedByContributor.dueAt(), "PM's note", null)));

        assertThatThrownBy(() -> as(pmo, () -> itemWork.update(new ItemUpdate(loadedByContributor.id(), loadedByContributor.version(),
                ItemStatus.DONE, null, null, loadedByContributor.dueAt(), "PMO's note", null))))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.changedBy()).isEqualTo(pm.name()));
        assertThat(as(pm, () -> reading.item(loadedByContributor.id())).notes()).isEqualTo("PM's note");
    }

    @Test
    void bulkChangesAreAllOrNothing() {
        Long id = apply(tomorrow(), "Live");
        InstanceDetails details = as(pm, () -> reading.details(id));
        List<ItemRef> all = details.items().stream().map(i -> new ItemRef(i.id(), i.version())).toList();

        assertThatThrownBy(() -> as(pm, () -> itemWork.bulkStatus(id, all, ItemStatus.DONE, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("“Business sign-off” needs an evidence link");
        assertThatThrownBy(() -> as(pm, () -> itemWork.bulkStatus(id, all, ItemStatus.BLOCKED, "")))
                .isInstanceOf(RuleViolationException.class);
        assertThat(as(pm, () -> reading.details(id)).items()).allMatch(i -> i.status() == ItemStatus.OPEN);

        assertThat(as(pm, () -> itemWork.bulkStatus(id, all, ItemStatus.NOT_APPLICABLE, null))).isEqualTo(4);
        assertThat(as(pm, () -> reading.instancesOf(projectId)).getFirst().progress()).isZero();
        // The versions changed: the same refs are now stale.
        assertThatThrownBy(() -> as(pm, () -> itemWork.bulkAssign(id, all, contributor.userId())))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void assigneesAreMembersOfThisTenantWhoCanWorkItems() {
        Long id = apply(tomorrow(), "Live");
        ItemView first = as(pm, () -> reading.details(id)).items().getFirst();
        Member stranger = fixtures.member(fixtures.tenant("Elsewhere"), Role.CONTRIBUTOR);

        for (Member refused : List.of(stranger, viewer)) {
            assertThatThrownBy(() -> as(pm, () -> itemWork.bulkAssign(id, List.of(new ItemRef(first.id(), first.version())), refused.userId())))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("member of this organisation");
        }
        assertThat(as(pm, () -> members.assignableMembersMatching("", 0, 100))).extracting(m -> m.userId())
                .contains(pm.userId(), contributor.userId()).doesNotContain(viewer.userId(), stranger.userId());
    }

    @Test
    void myWorkListsTheUsersOutstandingItemsAcrossProjectsOverdueFirst() {
        Long secondProject = fixtures.project(pm, "CRM-" + UUID.randomUUID().toString().substring(0, 4), "CRM roll-out");
        Long later = apply(tomorrow().plusDays(10), "Later runbook");
        Long soon = as(pm, () -> applying.instantiate(new InstantiationRequest(secondProject, templateId, versionId(), "Soon",
                Anchors.at(LocalDateTime.ofInstant(clock.instant(), LONDON).plusHours(3).withSecond(0).withNano(0)))));
        for (Long instance : List.of(later, soon)) {
            List<ItemRef> refs = as(pm, () -> reading.details(instance)).items().stream().map(i -> new ItemRef(i.id(), i.version())).toList();
            as(pm, () -> itemWork.bulkAssign(instance, refs, contributor.userId()));
        }
        ItemView doneOne = item(as(contributor, () -> reading.details(later)), "Extract legacy data");
        as(contributor, () -> itemWork.update(ItemUpdate.from(doneOne).withStatus(ItemStatus.DONE, null)));

        // 2 × 4 steps assigned, one done; the two rollback steps run only if rollback is invoked.
        List<MyWorkRow> work = as(contributor, () -> reading.myWork(0, 50));
        assertThat(work).hasSize(5);
        assertThat(as(contributor, () -> reading.countMyWork())).isEqualTo(5);
        assertThat(work).extracting(MyWorkRow::title).doesNotContain("Restore backup");
        // "Soon" has T0 in 3 hours: its extract (due T0-4h) is already overdue and leads.
        assertThat(work.getFirst().title()).isEqualTo("Extract legacy data");
        assertThat(work.getFirst().instanceName()).isEqualTo("Soon");
        assertThat(work.getFirst().dueAt()).isBefore(clock.instant());
        assertThat(work).extracting(MyWorkRow::dueAt).isSorted();
        assertThat(work).noneMatch(r -> r.itemId().equals(doneOne.id()));
        assertThat(as(otherContributor, () -> reading.myWork(0, 50))).isEmpty();
    }

    @Test
    void healthFollowsTheItemsAndCanBeOverriddenWithAReason() {
        // Nothing applied yet: nothing to judge the project by (issue C8), not green.
        HealthView empty = as(viewer, () -> health.health(projectId));
        assertThat(empty.health()).isEqualTo(Health.NOT_ASSESSED);
        assertThat(empty.reason()).isEqualTo("No templates applied yet.");
        Long id = apply(LocalDateTime.ofInstant(clock.instant(), LONDON).plusHours(3).withSecond(0).withNano(0), "Live");
        // Extract (due T0-4h) is overdue: 1 of 1 due items, over 10%.
        HealthView red = as(viewer, () -> health.health(projectId));
        assertThat(red.health()).isEqualTo(Health.RED);
        assertThat(red.reason()).isEqualTo("1 of 1 due items overdue (100%) — more than 10%.");

        ItemView extractItem = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        as(pm, () -> itemWork.update(ItemUpdate.from(extractItem).withStatus(ItemStatus.DONE, null)));
        assertThat(as(viewer, () -> health.health(projectId)).health()).isEqualTo(Health.GREEN);

        ItemView loadItem = item(as(pm, () -> reading.details(id)), "Load data");
        as(pm, () -> itemWork.update(ItemUpdate.from(loadItem).withStatus(ItemStatus.BLOCKED, "Target DB full")));
        assertThat(as(viewer, () -> health.health(projectId)).reason()).isEqualTo("Blocked on a cutover's critical path: “Load data”.");

        HealthView before = as(pm, () -> health.health(projectId));
        assertThatThrownBy(() -> as(pm, () -> {
            health.override(projectId, before.projectVersion(), Health.AMBER, " ");
            return null;
        })).isInstanceOf(RuleViolationException.class);
        // "Not assessed" is computed, never a judgement set by hand.
        assertThatThrownBy(() -> as(pm, () -> {
            health.override(projectId, before.projectVersion(), Health.NOT_ASSESSED, "Not started really");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("health"));
        assertThatThrownBy(() -> as(contributor, () -> {
            health.override(projectId, before.projectVersion(), Health.AMBER, "Looks fine to me");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        as(pm, () -> {
            health.override(projectId, before.projectVersion(), Health.AMBER, "DBA adding space, ETA 1h");
            return null;
        });
        HealthView overridden = as(viewer, () -> health.health(projectId));
        assertThat(overridden.health()).isEqualTo(Health.AMBER);
        assertThat(overridden.reason()).isEqualTo("DBA adding space, ETA 1h");
        assertThat(overridden.overriddenBy()).isEqualTo(pm.name());
        assertThat(overridden.computed()).isEqualTo(Health.RED);

        as(pm, () -> {
            health.clearOverride(projectId, overridden.projectVersion());
            return null;
        });
        assertThat(as(viewer, () -> health.health(projectId)).overridden()).isFalse();
        assertThat(as(viewer, () -> audit.projectHistory(projectId, HistoryFilter.none(), 0, 50)))
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("Health override"))
                .anySatisfy(e -> {
                    assertThat(e.subjectLabel()).isEqualTo("“Load data” in “Live”");
                    assertThat(e.field()).isEqualTo("Status");
                    assertThat(e.after()).isEqualTo("Blocked: Target DB full");
                });
    }

    @Test
    void removingAnInstanceRemovesItsItemsAndIsRecorded() {
        Long id = apply(tomorrow(), "Rehearsal");
        long version = as(pm, () -> reading.details(id)).version();
        clock.advance(Duration.ofMinutes(1));
        as(pm, () -> {
            applying.delete(id, version);
            return null;
        });
        assertThat(as(pm, () -> reading.instancesOf(projectId))).isEmpty();
        assertThat(as(pm, () -> audit.projectHistory(projectId, HistoryFilter.none(), 0, 5)).getFirst().before())
                .startsWith("Removed “Rehearsal”");
    }

    /** A change of one item reads the names of the people it concerns only, and still shows and records them by name. */
    @Test
    void reassigningShowsAndRecordsTheNamesBeforeAndAfter() {
        Long id = apply(tomorrow(), "Names");
        ItemView extract = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        as(pm, () -> itemWork.bulkAssign(id, List.of(new ItemRef(extract.id(), extract.version())), contributor.userId()));
        ItemView assigned = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        assertThat(assigned.assigneeName()).isEqualTo(contributor.name());

        ItemView moved = as(pm, () -> itemWork.update(new ItemUpdate(assigned.id(), assigned.version(), assigned.status(), null,
                otherContributor.userId(), assigned.dueAt(), assigned.notes(), assigned.evidenceUrl())));

        assertThat(moved.assigneeName()).isEqualTo(otherContributor.name());
        assertThat(as(pm, () -> reading.item(moved.id())).assigneeName()).isEqualTo(otherContributor.name());
        assertThat(as(pm, () -> audit.projectHistory(projectId, HistoryFilter.none(), 0, 50)))
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("Assignee");
                    assertThat(e.before()).isEqualTo(contributor.name());
                    assertThat(e.after()).isEqualTo(otherContributor.name());
                })
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("Assignee");
                    assertThat(e.after()).isEqualTo(contributor.name());
                });
    }

    /** My work's one click: done with everything else kept; refused, naming who, when the item changed since the row was read. */
    @Test
    void markingDoneFromARowKeepsTheRestAndRefusesAChangeSince() {
        Long id = apply(tomorrow(), "One click");
        ItemView extract = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        as(pm, () -> itemWork.bulkAssign(id, List.of(new ItemRef(extract.id(), extract.version())), contributor.userId()));
        ItemView seen = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        as(pm, () -> itemWork.update(ItemUpdate.from(seen).withStatus(ItemStatus.IN_PROGRESS, null)));

        assertThatThrownBy(() -> as(contributor, () -> itemWork.markDone(seen.id(), seen.version())))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.changedBy()).isEqualTo(pm.name()));

        ItemView now = item(as(pm, () -> reading.details(id)), "Extract legacy data");
        ItemView done = as(contributor, () -> itemWork.markDone(now.id(), now.version()));
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.assigneeUserId()).isEqualTo(contributor.userId());
        assertThat(done.dueAt()).isEqualTo(now.dueAt());
        assertThat(done.completedBy()).isEqualTo(contributor.name());
    }
}
