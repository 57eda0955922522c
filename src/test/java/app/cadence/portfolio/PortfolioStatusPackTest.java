package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.service.PortfolioStatusPack;
import app.cadence.project.domain.Health;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

@IntegrationTest
class PortfolioStatusPackTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired PortfolioStatusPack pack;
    @Autowired ProjectHealthService health;

    Tenant tenant;
    Member pmo;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Pack");
        pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        fixtures.project(pm, "CALM-1", "Calm project");
        Long hot = fixtures.project(pm, "HOT-2", "Escalated project");
        long version = fixtures.load(pm, hot).getVersion();
        scope.run(pm.userId(), pm.tenantId(), () -> health.override(hot, version, Health.RED, "Budget overrun"));
        Member stranger = fixtures.member(fixtures.tenant("Other"), Role.PM);
        fixtures.project(stranger, "SECRET-9", "Another tenant's project");
    }

    String text(PortfolioFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scope.run(pmo.userId(), pmo.tenantId(), () -> pack.write(filter, Sort.by("key"), out));
        PdfReader reader = new PdfReader(out.toByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString();
    }

    @Test
    void thePackHoldsTilesChartsAndEveryProjectOfTheTenant() throws Exception {
        String text = text(PortfolioFilter.none());
        assertThat(text).contains("Portfolio status pack — " + tenant.name());
        // CALM-1 has nothing applied: not assessed rather than green.
        assertThat(text).contains("1 red", "0 amber", "0 green", "1 not assessed", "0 overdue items");
        assertThat(text).contains("Projects by health", "Go-lives by month");
        assertThat(text).contains("CALM-1", "Calm project", "Not assessed", "No templates applied yet.", "HOT-2", "Escalated project",
                "Budget overrun");
        assertThat(text).doesNotContain("SECRET-9");
    }

    @Test
    void thePackFollowsTheFilters() throws Exception {
        String text = text(new PortfolioFilter(null, null, null, Health.RED, false, ""));
        assertThat(text).contains("HOT-2").doesNotContain("CALM-1");
    }
}
