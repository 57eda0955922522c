package app.cadence.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.reporting.service.ReportRow;
import app.cadence.reporting.service.StatusReports;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's weekly reports: last Friday's and the Friday before, newest first, each with its PDF. */
@IntegrationTest
class DemoStatusReportsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired TestClock clock;
    @Autowired DemoStatusReports demo;
    @Autowired StatusReports reports;

    @Test
    void crm03HasLastFridaysReportAndTheOneBefore() {
        Tenant tenant = fixtures.tenant("Demo reports");
        ZoneId london = ZoneId.of("Europe/London");
        provisioning.changeTimeZone(tenant.id(), london);
        Member pmo = fixtures.member(tenant, Role.PMO);
        Long project = fixtures.project(pmo, "CRM-03", "Salesforce Sales Cloud rollout");
        LocalDate today = LocalDate.now(clock.withZone(london));

        demo.weeklyReports(tenant.id(), pmo.userId(), project, today, london);

        List<ReportRow> history = scope.call(pmo.userId(), tenant.id(), () -> reports.history(project, 0, 10));
        assertThat(history).hasSize(2);
        assertThat(history).extracting(ReportRow::asOf).allSatisfy(day -> assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY));
        assertThat(history.getFirst().asOf()).isBefore(today).isAfterOrEqualTo(today.minusDays(7));
        assertThat(history.get(1).asOf()).isEqualTo(history.getFirst().asOf().minusWeeks(1));
        assertThat(scope.call(pmo.userId(), tenant.id(), () -> reports.latestPublished(project)).orElseThrow().markdown())
                .contains("no open severity-1 defects");
        assertThat(scope.call(pmo.userId(), tenant.id(), () -> reports.pdf(history.get(1).id())).bytes()).isNotEmpty();
    }
}
