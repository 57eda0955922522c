package app.cadence.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.ProgramRow;
import app.cadence.project.events.ProgramChanged;
import app.cadence.project.events.ProjectChanged;
import app.cadence.project.service.ProgramService;
import app.cadence.support.Eventually;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;

import app.cadence.template.events.TemplateChanged;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.events.TenantCreated;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.events.ItemChanged;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Each module announces its changes as domain events, with the tenant, what changed and who
 * changed it; the side effects other modules attach to them follow after the commit. Written
 * as Spring Modulith {@link Scenario}s: a stimulus, then the event it must lead to. Each stimulus
 * is a signed-in member's own service call with its own transaction, as in a request, so the
 * transaction Scenario offers is left unused.
 */
@IntegrationTest
@EnableScenarios
class DomainEventsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired StarterLibrary starterLibrary;
    @Autowired TemplateLibrary templates;
    @Autowired ProgramService programs;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;

    Tenant tenant;
    Member pmo;
    Member pm;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Events");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    @Test
    void aNewProjectIsAnnouncedWithItsTenantAndWhoCreatedIt(Scenario scenario) {
        scenario.stimulate(outside -> fixtures.project(pm, "EV-" + Fixtures.unique("P").substring(0, 6), "Events project"))
                .andWaitForEventOfType(ProjectChanged.class)
                .matching(e -> e.change() == ProjectChanged.Change.CREATED)
                .toArriveAndVerify((event, projectId) -> {
                    assertThat(event.projectId()).isEqualTo(projectId);
                    assertThat(event.tenantId()).isEqualTo(tenant.id());
                    assertThat(event.changedBy().userId()).isEqualTo(pm.userId());
                    assertThat(event.changedBy().displayName()).isEqualTo(pm.name());
                });
    }

    @Test
    void aTickedItemIsAnnouncedWithTheFieldsThatChanged(Scenario scenario) {
        Long projectId = fixtures.project(pm, "EV-" + Fixtures.unique("I").substring(0, 6), "Items project");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Go-live", Anchors.at(LocalDateTime.now().plusDays(2))));
        });
        ItemView item = as(pm, () -> reading.details(instanceId).items().stream()
                .filter(i -> !i.evidenceRequired() && i.status() == ItemStatus.OPEN).findFirst().orElseThrow());

        scenario.stimulate(outside -> as(pm, () -> itemWork.update(new ItemUpdate(item.id(), item.version(), ItemStatus.DONE, null,
                        item.assigneeUserId(), item.dueAt(), item.notes(), item.evidenceUrl()))))
                .andWaitForEventOfType(ItemChanged.class)
                .matching(e -> e.itemId().equals(item.id()))
                .toArriveAndVerify(event -> {
                    assertThat(event.changedFields()).containsExactly(ItemField.STATUS);
                    assertThat(event.instanceId()).isEqualTo(instanceId);
                    assertThat(event.projectId()).isEqualTo(projectId);
                    assertThat(event.tenantId()).isEqualTo(tenant.id());
                    assertThat(event.changedBy().userId()).isEqualTo(pm.userId());
                });
    }

    @Test
    void aPublishedTemplateVersionIsAnnouncedWithItsNumber(Scenario scenario) {
        Long templateId = as(pmo, () -> templates.create(Fixtures.unique("Retro"), null, SampleTemplates.runbook(), "Created"));

        scenario.stimulate(outside -> as(pmo, () -> templates.publish(templateId, "First version")))
                .andWaitForEventOfType(TemplateChanged.class)
                .matching(e -> e.templateId().equals(templateId) && e.change() == TemplateChanged.Change.PUBLISHED)
                .toArriveAndVerify(event -> {
                    assertThat(event.versionNumber()).isEqualTo(1);
                    assertThat(event.tenantId()).isEqualTo(tenant.id());
                    assertThat(event.changedBy().displayName()).isEqualTo(pmo.name());
                });
    }

    @Test
    void aRenamedProgramIsAnnouncedToThePortfolio(Scenario scenario) {
        Long programId = as(pmo, () -> programs.create(Fixtures.unique("Programme"), null));
        ProgramRow row = as(pmo, () -> programs.list().stream().filter(p -> p.id().equals(programId)).findFirst().orElseThrow());

        scenario.stimulate(outside -> as(pmo, () -> {
                    programs.update(programId, row.version(), Fixtures.unique("Renamed"), null);
                    return programId;
                }))
                .andWaitForEventOfType(ProgramChanged.class)
                .matching(e -> e.programId().equals(programId) && e.change() == ProgramChanged.Change.DETAILS)
                .toArriveAndVerify(event -> assertThat(event.toLiveMessage().topics()).containsExactly("portfolio"));
    }

    @Test
    void aNewOrganisationIsAnnouncedAndGetsItsStarterLibraryAfterTheCommit(Scenario scenario) {
        String name = Fixtures.unique("Initech");
        scenario.stimulate(outside -> provisioning.createTenantNamed(name))
                .andWaitForEventOfType(TenantCreated.class)
                .matching(e -> e.name().equals(name))
                .toArriveAndVerify((event, tenantId) -> {
                    assertThat(event.tenantId()).isEqualTo(tenantId);
                    Eventually.until("the starter library installed in the new organisation", () -> starterLibrary.isInstalledIn(tenantId), b -> b);
                });
    }
}
