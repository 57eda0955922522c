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
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/**
 * A retrospective's columns and rating questions are prompts for the session, not work anyone
 * owes (issue C8): the day after a session nobody "ticked" on the board, the project is still
 * green on its page and on the portfolio, with nothing overdue, and the roll-up agrees with the
 * items. Before, CRM-03 went from green to red the day after its retrospective.
 */
@IntegrationTest
class RetrospectivePromptsNotDueTest {

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
    void theDayAfterAnUntickedRetrospectiveTheProjectIsStillGreen() {
        Tenant tenant = fixtures.tenant("Retro");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        Long projectId = fixtures.project(pm, "RT-" + UUID.randomUUID().toString().substring(0, 4), "Retro");
        Long templateId = fixtures.publishedTemplate(pmo, "Sprint retro", SampleTemplates.retrospective());
        LocalDateTime yesterday = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Sprint 14 retro", Anchors.at(yesterday)));
        });
        List<ItemView> prompts = as(pm, () -> reading.details(instanceId).items());
        assertThat(prompts).hasSize(4).allSatisfy(p -> assertThat(p.dueAt()).as(p.title()).isNull());
        // One prompt discussed and ticked, the others left as they were.
        ItemView wentWell = prompts.stream().filter(p -> p.title().equals("Went well")).findFirst().orElseThrow();
        as(pm, () -> itemWork.update(ItemUpdate.from(wentWell).withStatus(ItemStatus.DONE, null)));

        InstanceProgress progress = as(pm, () -> reading.instancesOf(projectId)).getFirst();
        assertThat(progress.overdue()).isZero();
        assertThat(progress.done()).isEqualTo(1);
        assertThat(as(pm, () -> health.health(projectId)).health()).isEqualTo(Health.GREEN);
        PortfolioRow row = as(pmo, () -> portfolio.rows(PortfolioFilter.none(), Sort.unsorted(), 0, 50)).stream()
                .filter(r -> r.projectId().equals(projectId)).findFirst().orElseThrow();
        assertThat(row.health()).isEqualTo(Health.GREEN);
        assertThat(row.facts().overdueItems()).isZero();
        assertThat(row.facts().dueItems()).as("prompts are not due items").isZero();
        assertThat(as(pm, () -> rollups.stored(tenant.id()))).isEqualTo(as(pm, () -> rollups.countedFromItems(tenant.id())));
    }

    private <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }
}
