package app.cadence.tenancy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.ui.ProjectsView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.tenancy.ui.SelectTenantView;
import app.cadence.tenancy.ui.TenantSwitcher;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantSelectionUiTest extends KaribuTest {

    Tenant northwind;
    Tenant contoso;
    Member consultant;

    @BeforeEach
    void consultantInTwoTenants() {
        northwind = fixtures.tenant("Northwind");
        contoso = fixtures.tenant("Contoso");
        Member pmo = fixtures.member(northwind, Role.PMO);
        consultant = fixtures.join(pmo, contoso, Role.PM);
        fixtures.project(pmo, "NW-1", "Northwind ERP");
        fixtures.project(consultant, "CT-1", "Contoso CRM");
    }

    @Test
    void aMemberOfSeveralTenantsPicksOneFirst() {
        login(consultant.authenticationWithoutTenant());

        navigate("projects");

        assertThat(currentView()).isInstanceOf(SelectTenantView.class);
        assertThat(_find(Button.class, spec -> spec.withClasses("tenant-choice")))
                .extracting(b -> b.getElement().getAttribute("aria-label"))
                .containsExactlyInAnyOrder("Work in " + northwind.name() + " as PMO", "Work in " + contoso.name() + " as Project manager");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Work in " + contoso.name() + " as Project manager")));

        TenantSelection selection = TenantContext.currentSelection().orElseThrow();
        assertThat(selection.tenantId()).isEqualTo(contoso.id());
        assertThat(selection.role()).isEqualTo(Role.PM);
    }

    @Test
    void theLastUsedTenantIsOfferedFirstNextTime() {
        login(consultant.authenticationWithoutTenant());
        navigate("select-tenant");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Work in " + northwind.name() + " as PMO")));

        // A new session of the same user.
        signInAgain(consultant.authenticationWithoutTenant());
        navigate("select-tenant");

        Button remembered = _get(Button.class, spec -> spec.withThemes("primary"));
        assertThat(remembered.getElement().getAttribute("aria-label")).contains(northwind.name());
    }

    @Test
    void theSwitcherMovesTheSessionToAnotherTenantAndShowsOnlyItsProjects() {
        login(consultant.authentication());
        navigate("projects");
        assertThat(projectKeys()).containsExactly("CT-1");

        ContextMenuKt._clickItemWithCaption(openMenu(_get(TenantSwitcher.class)), northwind.name() + " (PMO)");

        assertThat(TenantContext.currentTenantId()).contains(northwind.id());
        // The app reloads the page after a switch; a fresh view shows the new tenant's projects.
        navigate("select-tenant");
        navigate("projects");
        assertThat(currentView()).isInstanceOf(ProjectsView.class);
        assertThat(projectKeys()).containsExactly("NW-1");
    }

    @Test
    void theSwitcherOffersOnlyTheUsersOtherTenants() {
        login(consultant.authentication());
        navigate("projects");
        assertThat(switcherChoices()).containsExactly("Switch to", northwind.name() + " (PMO)");

        Member outsider = fixtures.member(fixtures.tenant("Outsider"), Role.PM);
        signInAgain(outsider.authentication());
        navigate("select-tenant");
        navigate("projects");
        assertThat(switcherChoices()).containsExactly("You belong to this organisation only");
    }

    private java.util.List<String> switcherChoices() {
        return openMenu(_get(TenantSwitcher.class)).getItems().stream().map(item -> item.getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> projectKeys() {
        Grid<app.cadence.project.domain.ProjectRow> grid = _get(Grid.class);
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).key()).toList();
    }
}
