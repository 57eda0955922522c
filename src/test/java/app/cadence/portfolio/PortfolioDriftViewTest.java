package app.cadence.portfolio;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateContent;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portfolio's template drift tile narrows the list to the projects behind; the address keeps it. */
class PortfolioDriftViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;

    void apply(Member pmo, Long projectId, Long templateId) {
        scope.run(pmo.userId(), pmo.tenantId(), () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Live runbook", Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0))));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDriftTileShowsOnlyTheProjectsBehind() {
        Tenant tenant = fixtures.tenant("Drift");
        Member pmo = fixtures.member(tenant, Role.PMO);
        TemplateContent content = SampleTemplates.runbook();
        Long template = fixtures.publishedTemplate(pmo, "ERP runbook", content);
        apply(pmo, fixtures.project(pmo, "OLD-1", "Behind"), template);
        fixtures.publishNextVersion(pmo, template, content.followingWorkingCalendar(true));
        apply(pmo, fixtures.project(pmo, "NEW-2", "Current"), template);
        login(pmo.authentication());
        navigate("");

        Button tile = _get(Button.class, spec -> spec.withClasses("tile-drift"));
        assertThat(tile.getText()).isEqualTo("1 instance behind its template");
        _click(tile);

        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Template drift")).getValue()).isTrue();
        Grid<PortfolioRow> grid = _get(Grid.class, spec -> spec.withClasses("portfolio-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).key()).isEqualTo("OLD-1");

        navigate("?drift=true");
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Template drift")).getValue()).as("kept in the address").isTrue();
    }
}
