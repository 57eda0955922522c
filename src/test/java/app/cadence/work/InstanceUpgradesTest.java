package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.UpgradeMerge;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceUpgrades;
import app.cadence.work.service.InstanceUpgrades.UpgradeEntry;
import app.cadence.work.service.InstanceUpgrades.UpgradePreview;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import app.cadence.project.events.ProjectChanged;
import app.cadence.work.events.ItemChanged;

/**
 * Upgrading an instance to a newer version of its template through the service: preview, upgrade
 * in one transaction with the audit trail, undo restoring the items exactly, roles, a run under
 * way, and another tenant.
 */
@IntegrationTest
@RecordApplicationEvents
class InstanceUpgradesTest {

    @Autowired ApplicationEvents published;

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ProjectService projects;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired InstanceUpgrades upgrades;
    @Autowired CutoverRuns runs;
    @Autowired AuditTrail audit;

    Tenant acme;
    Member pmo;
    Member pm;
    Member otherPm;
    Member contributor;
    Long projectId;
    Long templateId;
    Long instanceId;
    TemplateContent v1;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    void run(Member member, Runnable action) {
        scope.call(member.userId(), member.tenantId(), () -> {
            action.run();
            return null;
        });
    }

    /** Publishes the content as the template's next version; returns the version's id. */
    Long publish(Long template, TemplateContent content) {
        return fixtures.publishNextVersion(pmo, template, content);
    }

    Long apply(Member as, Long project, Long template) {
        return as(as, () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(project, template, version, "Live runbook",
                    Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
        });
    }

    ItemView item(Member as, String title) {
        return as(as, () -> reading.details(instanceId)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    /** v1 with "Extract legacy data" removed, "Load data" renamed, and a new step after it. */
    TemplateContent v2() {
        List<TemplateSection> sections = new ArrayList<>();
        for (TemplateSection s : v1.sections()) {
            List<TemplateItem> items = new ArrayList<>();
            for (TemplateItem i : s.items()) {
                if (i.title().equals("Extract legacy data")) {
                    continue;
                }
                if (i instanceof CutoverStep step && step.title().equals("Load data")) {
                    items.add(new CutoverStep(step.key(), "Load master data", step.description(), step.type(), step.offsetMinutes(),
                            step.durationMinutes(), "Integration lead", List.of(), null, null, false));
                    items.add(new CutoverStep(UUID.randomUUID(), "Reconcile totals", null, StepType.TASK, -90, 30, "Finance",
                            List.of(step.key()), null, null, true));
                    continue;
                }
                items.add(i);
            }
            sections.add(new TemplateSection(s.key(), s.title(), s.role(), items));
        }
        return new TemplateContent(v1.kind(), sections, null);
    }

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Acme");
        pmo = fixtures.member(acme, Role.PMO);
        pm = fixtures.member(acme, Role.PM);
        otherPm = fixtures.member(acme, Role.PM);
        contributor = fixtures.member(acme, Role.CONTRIBUTOR);
        projectId = fixtures.project(pmo, "ERP-01", "ERP");
        run(pmo, () -> {
            ProjectForm form = projects.load(projectId);
            form.setPmUserId(pm.userId());
            projects.update(form);
        });
        v1 = SampleTemplates.runbook();
        templateId = fixtures.publishedTemplate(pmo, "Runbook", v1);
        instanceId = apply(pm, projectId, templateId);
    }

    @Test
    void aPmPreviewsAndUpgradesTheirProjectsInstanceKeepingProgressAndItIsAudited() {
        ItemView extract = item(pm, "Extract legacy data");
        run(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        ItemView load = item(pm, "Load data");
        run(pm, () -> itemWork.update(new ItemUpdate(load.id(), load.version(), load.status(), null, contributor.userId(), load.dueAt(), "Vendor on call", null)));
        assertThat(as(pm, () -> upgrades.available(instanceId))).isEmpty();
        Long v2 = publish(templateId, v2());

        InstanceUpgrades.UpgradeOffer offer = as(pm, () -> upgrades.available(instanceId)).orElseThrow();
        assertThat(offer.label()).isEqualTo("Version 2 available");
        UpgradePreview preview = as(pm, () -> upgrades.preview(instanceId, v2));
        assertThat(preview.added()).extracting(UpgradeMerge.Added::title).containsExactly("Reconcile totals");
        assertThat(preview.removed()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Extract legacy data");
            assertThat(r.kept()).isTrue();
        });
        assertThat(preview.changed()).singleElement().satisfies(c -> {
            assertThat(c.fields()).extracting(UpgradeMerge.FieldChange::field).contains("Title", "Owner role", "Predecessors");
            assertThat(c.kept()).extracting(UpgradeMerge.KeptValue::field).containsExactly(app.cadence.work.domain.ItemField.ASSIGNEE);
        });
        assertThat(preview.blockedBy()).isNull();

        InstanceUpgrades.UpgradeResult result = as(pm, () -> upgrades.upgrade(instanceId, v2, preview.instanceVersion()));

        assertThat(result.counts()).isEqualTo("1 added, 1 kept outside the template, 1 changed");
        assertThat(published.stream(ProjectChanged.class)).as("open screens of the instance and project reload")
                .anyMatch(e -> e.change() == ProjectChanged.Change.INSTANCE_UPGRADED && instanceId.equals(e.instanceId()));
        assertThat(published.stream(ItemChanged.class).filter(e -> e.instanceId().equals(instanceId) && e.changedFields().isEmpty()).map(ItemChanged::itemId).distinct().count())
                .as("the added, changed and kept items are announced").isEqualTo(3);
        var details = as(pm, () -> reading.details(instanceId));
        assertThat(details.versionNumber()).isEqualTo(2);
        assertThat(details.items()).extracting(ItemView::title)
                .containsExactly("Load master data", "Reconcile totals", "Business sign-off", "Extract legacy data", "Restore backup");
        ItemView kept = item(pm, "Extract legacy data");
        assertThat(kept.status()).isEqualTo(ItemStatus.DONE);
        assertThat(kept.outsideTemplate()).isTrue();
        ItemView loaded = item(pm, "Load master data");
        assertThat(loaded.assigneeUserId()).isEqualTo(contributor.userId());
        assertThat(loaded.notes()).isEqualTo("Vendor on call");
        assertThat(loaded.ownerRole()).isEqualTo("Integration lead");
        assertThat(as(pm, () -> upgrades.available(instanceId))).isEmpty();
        assertThat(as(pm, () -> audit.projectHistory(projectId, HistoryFilter.none(), 0, 20)))
                .anySatisfy(e -> assertThat(e.toString()).contains("Version 1").contains("Version 2 (upgraded: 1 added, 1 kept outside the template, 1 changed)")
                        .contains(pm.name()));
    }

    @Test
    void undoRestoresThePreviousItemsExactlyUntilTheNextItemChange() {
        run(pm, () -> itemWork.update(ItemUpdate.from(item(pm, "Load data")).withStatus(ItemStatus.BLOCKED, "Vendor late")));
        List<ItemView> before = as(pm, () -> reading.details(instanceId)).items();
        Long v2 = publish(templateId, v2());
        long version = as(pm, () -> upgrades.preview(instanceId, v2)).instanceVersion();
        as(pm, () -> upgrades.upgrade(instanceId, v2, version));

        List<UpgradeEntry> history = as(pm, () -> upgrades.history(instanceId));
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.undoable()).isTrue();
            assertThat(e.fromNumber()).isEqualTo(1);
            assertThat(e.toNumber()).isEqualTo(2);
        });
        run(pm, () -> upgrades.undo(history.getFirst().id()));

        var restored = as(pm, () -> reading.details(instanceId));
        assertThat(restored.versionNumber()).isEqualTo(1);
        assertThat(restored.items()).as("ids, states, versions and all").usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(as(pm, () -> upgrades.history(instanceId))).singleElement().satisfies(e -> {
            assertThat(e.undoable()).isFalse();
            assertThat(e.undoneBy()).isEqualTo(pm.name());
        });
        assertThat(as(pm, () -> upgrades.available(instanceId))).isPresent();

        // Upgrade again, change an item: the upgrade can no longer be undone.
        long again = as(pm, () -> upgrades.preview(instanceId, v2)).instanceVersion();
        as(pm, () -> upgrades.upgrade(instanceId, v2, again));
        run(pm, () -> itemWork.update(ItemUpdate.from(item(pm, "Business sign-off")).withStatus(ItemStatus.IN_PROGRESS, null)));
        UpgradeEntry latest = as(pm, () -> upgrades.history(instanceId)).getFirst();
        assertThat(latest.undoable()).isFalse();
        assertThatThrownBy(() -> run(pm, () -> upgrades.undo(latest.id()))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("have changed since the upgrade");
        assertThat(as(pm, () -> reading.details(instanceId)).versionNumber()).isEqualTo(2);
    }

    @Test
    void onlyThePmOfTheProjectOrThePortfolioOfficeMayUpgrade() {
        Long v2 = publish(templateId, v2());
        long version = as(pmo, () -> upgrades.preview(instanceId, v2)).instanceVersion();
        assertThat(as(otherPm, () -> upgrades.available(instanceId))).as("not their project").isEmpty();
        assertThatThrownBy(() -> as(otherPm, () -> upgrades.upgrade(instanceId, v2, version))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(otherPm, () -> upgrades.preview(instanceId, v2))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(contributor, () -> upgrades.upgrade(instanceId, v2, version))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(contributor, () -> upgrades.available(instanceId))).isEmpty();
        assertThat(as(pmo, () -> upgrades.upgrade(instanceId, v2, version)).toNumber()).isEqualTo(2);
        assertThatThrownBy(() -> as(pm, () -> upgrades.preview(instanceId, v2))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already follows version 2");
    }

    @Test
    void aRunbookWithARunUnderWayWaitsForTheRunToEnd() {
        Long v2 = publish(templateId, v2());
        Long runId = as(pm, () -> runs.scheduleRehearsal(instanceId, null));
        run(pm, () -> runs.start(runId));

        UpgradePreview preview = as(pm, () -> upgrades.preview(instanceId, v2));
        assertThat(preview.blockedBy()).contains("is running").contains("once the run has ended");
        assertThatThrownBy(() -> as(pm, () -> upgrades.upgrade(instanceId, v2, preview.instanceVersion())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("once the run has ended");

        run(pm, () -> runs.end(runId, RunOutcome.COMPLETED, null));
        assertThat(as(pm, () -> upgrades.upgrade(instanceId, v2, preview.instanceVersion())).toNumber()).isEqualTo(2);
    }

    @Test
    void anotherTenantsInstanceCannotBePreviewedUpgradedOrUndone() {
        Tenant globex = fixtures.tenant("Globex");
        Member globexPmo = fixtures.member(globex, Role.PMO);
        Long v2 = publish(templateId, v2());
        long version = as(pm, () -> upgrades.preview(instanceId, v2)).instanceVersion();

        assertThatThrownBy(() -> as(globexPmo, () -> upgrades.available(instanceId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> upgrades.preview(instanceId, v2))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> upgrades.upgrade(instanceId, v2, version))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> upgrades.history(instanceId))).isInstanceOf(RecordNotFoundException.class);

        as(pm, () -> upgrades.upgrade(instanceId, v2, version));
        Long upgradeId = as(pm, () -> upgrades.history(instanceId)).getFirst().id();
        assertThatThrownBy(() -> run(globexPmo, () -> upgrades.undo(upgradeId))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(pm, () -> reading.details(instanceId)).versionNumber()).isEqualTo(2);
        assertThat(as(pm, () -> upgrades.history(instanceId)).getFirst().undoable()).isTrue();

        // Their own instance cannot be upgraded to our version either.
        Long globexProject = fixtures.project(globexPmo, "GLX-01", "Globex ERP");
        Long globexTemplate = fixtures.publishedTemplate(globexPmo, "Runbook", SampleTemplates.runbook());
        Long globexInstance = apply(globexPmo, globexProject, globexTemplate);
        assertThatThrownBy(() -> as(globexPmo, () -> upgrades.preview(globexInstance, v2))).isInstanceOf(RecordNotFoundException.class);
    }
}
