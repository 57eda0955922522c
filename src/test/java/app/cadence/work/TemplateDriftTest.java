package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.Notifications;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
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
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.TemplateDrift;
import app.cadence.work.service.TemplateDrift.DriftReport;
import app.cadence.work.service.TemplateDrift.DriftRow;
import app.cadence.work.service.TemplateDrift.DriftSummary;
import app.cadence.work.service.TemplateDrift.InstanceOutcome;
import app.cadence.work.service.TemplateDrift.Outcome;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The drift report and the upgrade across projects: PMO only, a run under way blocks, PMs are told, never another tenant. */
@IntegrationTest
class TemplateDriftTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired ProjectService projects;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired TemplateDrift drift;
    @Autowired CutoverRuns runs;
    @Autowired Notifications notifications;

    Member pmo;
    Member pmA;
    Member pmB;
    Long templateId;
    Long erp;
    Long crm;
    Long hr;
    TemplateContent v1;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long project(String key, Member pm) {
        Long id = fixtures.project(pmo, key, key + " project");
        as(pmo, () -> {
            ProjectForm form = projects.load(id);
            form.setPmUserId(pm.userId());
            return projects.update(form);
        });
        return id;
    }

    Long apply(Long projectId) {
        return as(pmo, () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook",
                    Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
        });
    }

    void publishV2() {
        List<TemplateSection> sections = new ArrayList<>();
        for (TemplateSection s : v1.sections()) {
            List<TemplateItem> items = new ArrayList<>(s.items().stream().filter(i -> !i.title().equals("Extract legacy data"))
                    .map(i -> i instanceof CutoverStep step && step.title().equals("Load data")
                            ? (TemplateItem) new CutoverStep(step.key(), step.title(), null, step.type(), step.offsetMinutes(),
                            step.durationMinutes(), step.ownerRole(), List.of(), null, null, false) : i).toList());
            if (s.title().equals("Execution")) {
                items.add(new CutoverStep(UUID.randomUUID(), "Reconcile totals", null, StepType.TASK, -90, 30, "Finance", List.of(), null, null, true));
            }
            sections.add(new TemplateSection(s.key(), s.title(), s.role(), items));
        }
        TemplateContent v2 = new TemplateContent(v1.kind(), sections, null);
        fixtures.publishNextVersion(pmo, templateId, v2);
    }

    @BeforeEach
    void setUp() {
        Tenant acme = fixtures.tenant("Acme");
        pmo = fixtures.member(acme, Role.PMO);
        pmA = fixtures.member(acme, Role.PM);
        pmB = fixtures.member(acme, Role.PM);
        v1 = SampleTemplates.runbook();
        templateId = fixtures.publishedTemplate(pmo, "ERP runbook", v1);
        erp = apply(project("ERP", pmA));
        crm = apply(project("CRM", pmB));
        publishV2();
        hr = apply(project("HR", pmA));
    }

    @Test
    void thePmoSeesEveryInstanceByVersionAndUpgradesThoseBehindOneBlockedByARun() {
        var extract = as(pmA, () -> reading.details(erp)).items().getFirst();
        as(pmA, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        Long run = as(pmB, () -> runs.scheduleRehearsal(crm, null));
        as(pmB, () -> {
            runs.start(run);
            return null;
        });

        DriftReport report = as(pmo, () -> drift.report(templateId));
        assertThat(report.latestNumber()).isEqualTo(2);
        assertThat(report.rows()).extracting(DriftRow::projectKey, DriftRow::versionNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CRM", 1), org.assertj.core.groups.Tuple.tuple("ERP", 1),
                        org.assertj.core.groups.Tuple.tuple("HR", 2));
        assertThat(report.behindCount()).isEqualTo(2);
        DriftRow erpRow = report.rows().get(1);
        assertThat(erpRow.pmName()).isEqualTo(pmA.name());
        assertThat(erpRow.done()).isEqualTo(1);
        assertThat(erpRow.counted()).as("rollback steps do not count").isEqualTo(3);
        assertThat(erpRow.lastChange()).isNotNull();

        List<Long> all = report.rows().stream().map(DriftRow::instanceId).toList();
        DriftSummary summary = as(pmo, () -> drift.summary(templateId, all));
        assertThat(summary.ready()).isEqualTo(1);
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.kept()).as("ERP's extraction is done").isEqualTo(1);
        assertThat(summary.blocked()).extracting(TemplateDrift.Blocked::why)
                .containsExactlyInAnyOrder("Rehearsal 1 of this runbook is running; upgrade it once the run has ended.", "Already follows version 2.");

        List<InstanceOutcome> progress = new ArrayList<>();
        List<InstanceOutcome> outcomes = as(pmo, () -> drift.upgradeAll(templateId, all, progress::add));

        assertThat(progress).isEqualTo(outcomes);
        assertThat(outcomes).extracting(InstanceOutcome::outcome).containsExactly(Outcome.BLOCKED, Outcome.UPGRADED, Outcome.BLOCKED);
        assertThat(outcomes.get(1).message()).isEqualTo("Upgraded from version 1 to 2: 1 added, 1 kept outside the template, 1 changed.");
        assertThat(as(pmo, () -> drift.report(templateId)).behindCount()).isEqualTo(1);
        assertThat(as(pmA, () -> notifications.recent(0, 10))).filteredOn(n -> n.kind() == NotificationKind.INSTANCE_UPGRADED)
                .singleElement().satisfies(n -> {
                    assertThat(n.title()).isEqualTo("“Live runbook” now follows " + report.templateName() + " version 2");
                    assertThat(n.body()).contains("ERP · upgraded from version 1 by " + pmo.name());
                    assertThat(n.link()).isEqualTo("/instances/" + erp);
                });
        assertThat(as(pmB, () -> notifications.recent(0, 10))).noneMatch(n -> n.kind() == NotificationKind.INSTANCE_UPGRADED);

        as(pmB, () -> {
            runs.end(run, RunOutcome.COMPLETED, null);
            return null;
        });
        assertThat(as(pmo, () -> drift.upgradeAll(templateId, List.of(crm), o -> { })))
                .extracting(InstanceOutcome::outcome).containsExactly(Outcome.UPGRADED);
    }

    @Test
    void onlyAdministratorsAndThePmoUpgradeAcrossProjects() {
        assertThatThrownBy(() -> as(pmA, () -> drift.report(templateId))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(pmA, () -> drift.summary(templateId, List.of(erp)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(pmA, () -> drift.upgradeAll(templateId, List.of(erp), o -> { }))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(pmA, () -> reading.details(erp)).versionNumber()).isEqualTo(1);
    }

    @Test
    void theDriftReportNeverListsAnotherTenantAndTheirPmoCannotUpgradeOurs() {
        Tenant globex = fixtures.tenant("Globex");
        Member globexPmo = fixtures.member(globex, Role.PMO);
        Long theirTemplate = fixtures.publishedTemplate(globexPmo, "ERP runbook", SampleTemplates.runbook());

        assertThat(as(globexPmo, () -> drift.report(theirTemplate)).rows()).isEmpty();
        assertThatThrownBy(() -> as(globexPmo, () -> drift.report(templateId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> drift.summary(templateId, List.of(erp)))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> drift.summary(theirTemplate, List.of(erp)))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(globexPmo, () -> drift.upgradeAll(theirTemplate, List.of(erp), o -> { })))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(as(pmo, () -> drift.report(templateId)).behindCount()).isEqualTo(2);
    }
}
