package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.project.domain.Health;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.template.domain.SectionRole;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/**
 * A runbook's rollback steps run only if rollback is invoked (issue C7): on the project, the
 * portfolio and My work they count for nothing, even once their planned time has passed, and a
 * rehearsal that went well is complete without them.
 */
@IntegrationTest
class RollbackStepsNotCountedTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ProjectHealthService health;
    @Autowired PortfolioService portfolio;
    @Autowired ProjectRollups rollups;
    @Autowired TestClock clock;

    @Test
    void aRehearsalDoneButForItsRollbackStepsIsCompleteGreenAndOffEveryonesList() {
        Tenant tenant = fixtures.tenant("Rollback");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        Long projectId = fixtures.project(pm, "RB-" + UUID.randomUUID().toString().substring(0, 4), "Rollback");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        // T0 ten hours ago: every step, the rollback one too (T+5h), is past its due time.
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(10);
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Rehearsal", Anchors.at(t0)));
        });
        for (ItemView item : as(pm, () -> reading.details(instanceId).items())) {
            if (item.sectionRole() == SectionRole.ROLLBACK) {
                as(pm, () -> itemWork.update(new ItemUpdate(item.id(), item.version(), item.status(), null, pm.userId(), item.dueAt(), null, null)));
            } else {
                as(pm, () -> itemWork.update(new ItemUpdate(item.id(), item.version(), ItemStatus.DONE, null, null, item.dueAt(), null,
                        item.evidenceRequired() ? "https://intranet.example/evidence" : null)));
            }
        }

        InstanceProgress progress = as(pm, () -> reading.instancesOf(projectId)).getFirst();
        assertThat(progress.items()).as("the three forward steps").isEqualTo(3);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.overdue()).isZero();
        assertThat(as(pm, () -> health.health(projectId)).health()).isEqualTo(Health.GREEN);
        PortfolioRow row = as(pmo, () -> portfolio.rows(PortfolioFilter.none(), Sort.unsorted(), 0, 50)).stream()
                .filter(r -> r.projectId().equals(projectId)).findFirst().orElseThrow();
        assertThat(row.health()).isEqualTo(Health.GREEN);
        assertThat(row.facts().overdueItems()).isZero();
        assertThat(row.cutoverPercent()).isEqualTo(100);
        assertThat(as(pm, () -> reading.myWork(0, 50))).as("the open rollback step assigned to the PM").isEmpty();
        assertThat(as(pm, () -> rollups.stored(tenant.id()))).isEqualTo(as(pm, () -> rollups.countedFromItems(tenant.id())));
    }

    private <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }
}
