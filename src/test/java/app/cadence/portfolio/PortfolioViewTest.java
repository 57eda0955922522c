package app.cadence.portfolio;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.ui.PortfolioView;
import app.cadence.project.domain.Health;
import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures;
import app.cadence.support.TestClock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import app.cadence.project.ui.ProjectView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PortfolioViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired ProjectHealthService health;

    @Autowired ProjectService projects;
    @Autowired TestClock clock;

    Member pmo;
    Member pm;
    Long escalated;

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Dashboard");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        fixtures.project(pm, "CALM-1", "Calm project");
        escalated = fixtures.project(pm, "HOT-2", "Escalated project");
        long version = fixtures.load(pm, escalated).getVersion();
        scope.run(pm.userId(), pm.tenantId(), () -> health.override(escalated, version, Health.RED, "Budget overrun"));
        login(pmo.authentication());
    }

    @SuppressWarnings("unchecked")
    Grid<PortfolioRow> grid() {
        return _get(Grid.class, spec -> spec.withClasses("portfolio-grid"));
    }

    @Test
    void aDirectorLandsOnThePortfolioAndNarrowsItDown() {
        navigate("");
        assertThat(currentView()).isInstanceOf(PortfolioView.class);
        assertThat(GridKt._size(grid())).isEqualTo(2);
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("HOT-2"); // red first
        assertThat(GridKt._getFormattedRow(grid(), 0)).anySatisfy(cell -> assertThat(cell).contains("HOT-2").contains("Escalated project"));

        _click(_get(Button.class, spec -> spec.withClasses("tile-red")));
        @SuppressWarnings("unchecked")
        ComboBox<Health> healthFilter = com.github.mvysny.kaributesting.v10.LocatorJ._find(ComboBox.class).stream()
                .filter(s -> "Health".equals(s.getAriaLabel().orElse(null))).findFirst().orElseThrow();
        assertThat(healthFilter.getValue()).isEqualTo(Health.RED);
        assertThat(GridKt._size(grid())).isEqualTo(1);

        type(healthFilter, null);
        type(_get(TextField.class, spec -> spec.withPlaceholder("Search projects")), "calm");
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("CALM-1");

        type(_get(Checkbox.class, spec -> spec.withLabel("Has overdue items")), true);
        assertThat(GridKt._size(grid())).isZero();

        type(_get(Checkbox.class, spec -> spec.withLabel("Has overdue items")), false);
        type(_get(TextField.class, spec -> spec.withPlaceholder("Search projects")), "");
        GridKt._clickItem(grid(), 0);
        assertThat(currentView()).isInstanceOf(ProjectView.class);
    }

    @Test
    void aProjectWithNothingAppliedIsNotAssessedAndFilteredSo() {
        navigate("");
        Button tile = _get(Button.class, spec -> spec.withClasses("tile-not-assessed"));
        assertThat(tile.getText()).isEqualTo("1 not assessed");
        assertThat(GridKt._get(grid(), 1).key()).as("after the red one").isEqualTo("CALM-1");
        assertThat(GridKt._get(grid(), 1).health()).isEqualTo(Health.NOT_ASSESSED);
        assertThat(GridKt._get(grid(), 1).healthReason()).isEqualTo("No templates applied yet.");

        _click(tile);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("CALM-1");

        navigate("portfolio?health=NOT_ASSESSED");
        @SuppressWarnings("unchecked")
        ComboBox<Health> healthFilter = com.github.mvysny.kaributesting.v10.LocatorJ._find(ComboBox.class).stream()
                .filter(s -> "Health".equals(s.getAriaLabel().orElse(null))).findFirst().orElseThrow();
        assertThat(healthFilter.getValue()).isEqualTo(Health.NOT_ASSESSED);
        assertThat(healthFilter.getItemLabelGenerator().apply(Health.NOT_ASSESSED)).isEqualTo("Not assessed");
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("CALM-1");
    }

    @Test
    void filtersComeBackFromTheAddress() {
        navigate("portfolio?health=RED&q=escalated");
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("HOT-2");
        assertThat(_get(TextField.class, spec -> spec.withPlaceholder("Search projects")).getValue()).isEqualTo("escalated");

        // Nonsense in the address is ignored rather than failing the page.
        navigate("portfolio?health=PURPLE&program=abc&status=");
        assertThat(currentView()).isInstanceOf(PortfolioView.class);
        assertThat(GridKt._size(grid())).isEqualTo(2);
    }

    @Test
    void theSortOrderIsKeptInTheAddress() {
        // By key, ascending: unlike the default order, in which the red HOT-2 leads.
        navigate("portfolio?sort=key.asc,nonsense.desc");
        assertThat(grid().getSortOrder()).singleElement().satisfies(o -> {
            assertThat(o.getSorted().getKey()).isEqualTo("key");
            assertThat(o.getDirection()).isEqualTo(com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        });
        assertThat(GridKt._get(grid(), 0).key()).isEqualTo("CALM-1");
        assertThat(GridKt._get(grid(), 1).key()).isEqualTo("HOT-2");
    }

    @Test
    void aRowShowsKeyNameAndAnUnusualStatusTogetherAndTheNextKeyDateUnderTheGoLive() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ProjectForm form = Fixtures.form("WAIT-3", "Paused project");
        form.setStatus(ProjectStatus.ON_HOLD);
        form.setStartDate(today.plusDays(10));
        form.setGoLiveDate(today.plusDays(60));
        scope.call(pm.userId(), pm.tenantId(), () -> projects.create(form));

        navigate("portfolio?q=paused");
        java.util.List<String> row = GridKt._getFormattedRow(grid(), 0);
        assertThat(row).anySatisfy(cell -> assertThat(cell).contains("WAIT-3").contains("On hold").contains("Paused project"));
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        assertThat(row).anySatisfy(cell -> assertThat(cell).contains(date.format(today.plusDays(60)))
                .contains("Next: start " + date.format(today.plusDays(10))));

        // The usual status is not repeated on every row; a go-live that is the next key date is not either.
        navigate("portfolio?q=escalated");
        assertThat(GridKt._getFormattedRow(grid(), 0)).noneSatisfy(cell -> assertThat(cell).contains("Active"))
                .noneSatisfy(cell -> assertThat(cell).contains("Next:"));
    }
}
