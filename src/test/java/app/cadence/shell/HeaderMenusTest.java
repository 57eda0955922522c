package app.cadence.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shared.ui.MenuOnDemand;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.ui.TenantSwitcher;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import org.junit.jupiter.api.Test;

/**
 * The header's two menus (user menu, organisation switcher) hold no items until they open, and
 * drop them when they close: every page has them, few people open them.
 */
class HeaderMenusTest extends KaribuTest {

    @Test
    void theUserMenuHasItsItemsOnlyWhileOpen() {
        Tenant tenant = fixtures.tenant("Menus");
        Member pm = fixtures.member(tenant, Role.PM);
        login(pm.authentication());
        navigate("projects");

        Button button = _get(Button.class, spec -> spec.withClasses("app-user-menu"));
        MenuOnDemand menu = MenuOnDemand.of(button).orElseThrow();
        assertThat(button.getElement().getTextRecursively()).contains(pm.name());
        assertThat(menu.getItems()).as("nothing held while closed").isEmpty();
        assertThat(menu.isAttached()).as("not even the menu itself").isFalse();

        openMenu(button);
        assertThat(menu.getItems()).extracting(MenuItem::getText)
                .containsExactly("Signed in as " + pm.email(), "Your account", "Sign out");
        assertThat(menu.getItems().getFirst().isEnabled()).as("the note is not an action").isFalse();

        menu.getElement().setProperty("opened", false); // the browser closes it (Escape, a click outside) and tells the server
        assertThat(menu.getItems()).as("dropped when it closes").isEmpty();

        ContextMenuKt._clickItemWithCaption(openMenu(button), "Your account");
        assertThat(currentView()).isInstanceOf(app.cadence.security.ui.AccountView.class);
    }

    @Test
    void theSwitcherShowsTheOrganisationAndRoleAndReadsTheOtherOrganisationsWhenItOpens() {
        Tenant tenant = fixtures.tenant("Switch A");
        Member pmo = fixtures.member(tenant, Role.PMO);
        login(pmo.authentication());
        navigate("projects");

        TenantSwitcher switcher = _get(TenantSwitcher.class);
        assertThat(switcher.getElement().getTextRecursively()).contains(tenant.name()).contains("PMO");
        assertThat(MenuOnDemand.of(switcher).orElseThrow().getItems()).isEmpty();
        assertThat(openMenu(switcher).getItems()).extracting(MenuItem::getText).containsExactly("You belong to this organisation only");
    }
}
