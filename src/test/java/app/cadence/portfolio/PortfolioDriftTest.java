package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.domain.PortfolioTiles;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateContent;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/** The portfolio's template drift filter and tile: instances behind their template's latest version, this tenant's only. */
@IntegrationTest
class PortfolioDriftTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired PortfolioService portfolio;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long apply(Member pmo, Long projectId, Long templateId) {
        return as(pmo, () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook",
                    Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
        });
    }

    void publishAgain(Member pmo, Long templateId, TemplateContent content) {
        fixtures.publishNextVersion(pmo, templateId, content.followingWorkingCalendar(!content.followsWorkingCalendar()));
    }

    @Test
    void projectsWithAnInstanceBehindTheLatestVersionAreFilteredAndCountedForThisTenantOnly() {
        Tenant acme = fixtures.tenant("Acme");
        Member pmo = fixtures.member(acme, Role.PMO);
        TemplateContent content = SampleTemplates.runbook();
        Long template = fixtures.publishedTemplate(pmo, "ERP runbook", content);
        Long behind = fixtures.project(pmo, "ERP-01", "Behind");
        Long current = fixtures.project(pmo, "ERP-02", "Current");
        apply(pmo, behind, template);
        publishAgain(pmo, template, content);
        apply(pmo, current, template);

        // Another tenant with drift of its own counts nowhere here.
        Tenant globex = fixtures.tenant("Globex");
        Member globexPmo = fixtures.member(globex, Role.PMO);
        Long theirs = fixtures.publishedTemplate(globexPmo, "ERP runbook", content);
        apply(globexPmo, fixtures.project(globexPmo, "GLX-01", "Theirs"), theirs);
        publishAgain(globexPmo, theirs, content);

        PortfolioFilter drifted = PortfolioFilter.none().drifted(true);
        assertThat(as(pmo, () -> portfolio.rows(drifted, Sort.unsorted(), 0, 50))).extracting(PortfolioRow::key).containsExactly("ERP-01");
        assertThat(as(pmo, () -> portfolio.count(drifted))).isEqualTo(1);
        assertThat(as(pmo, () -> portfolio.count(PortfolioFilter.none()))).isEqualTo(2);
        PortfolioTiles tiles = as(pmo, () -> portfolio.tiles());
        assertThat(tiles.instancesBehind()).isEqualTo(1);
        assertThat(tiles.templatesInUse()).extracting(PortfolioTiles.TemplateUsage::versionNumber, PortfolioTiles.TemplateUsage::behind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));

        assertThat(as(globexPmo, () -> portfolio.rows(drifted, Sort.unsorted(), 0, 50))).extracting(PortfolioRow::key).containsExactly("GLX-01");
        assertThat(as(globexPmo, () -> portfolio.tiles()).instancesBehind()).isEqualTo(1);
    }
}
