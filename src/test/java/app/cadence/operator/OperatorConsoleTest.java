package app.cadence.operator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.operator.service.TenantRow;
import app.cadence.operator.ui.OperatorEventsView;
import app.cadence.operator.ui.OperatorTenantsView;
import app.cadence.security.ui.LoginView;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.TenantStatus;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.ui.SelectTenantView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Done means": an operator creates Initech, suspends it (its ADMIN is shut out) and reactivates it. */
class OperatorConsoleTest extends KaribuTest {

    CadenceAuthentication operator;

    @BeforeEach
    void signInAsOperator() {
        operator = fixtures.operator();
        login(operator);
    }

    @Test
    void anOperatorWithoutOrganisationLandsOnTheConsoleAndSeesOnlyOperatorPages() {
        navigate("");

        assertThat(currentView()).isInstanceOf(OperatorTenantsView.class);
        assertThat(_get(app.cadence.shell.SideNavigation.class).labels()).containsExactly("Organisations", "Organisation events");

        navigate("select-tenant");
        assertThat(currentView()).isInstanceOf(SelectTenantView.class);
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("You belong to no organisation. As a platform operator, you manage organisations from the operator console.");
    }

    @Test
    void anOperatorCreatesSuspendsAndReactivatesInitech() {
        Member futureAdmin = fixtures.member(fixtures.tenant("Previous employer"), Role.VIEWER);
        String name = Fixtures.unique("Initech");
        navigate("operator/tenants");

        _click(_get(Button.class, spec -> spec.withText("New organisation")));
        Dialog create = _get(Dialog.class);
        type(_get(create, TextField.class, spec -> spec.withLabel("Name")), name);
        type(_get(create, EmailField.class, spec -> spec.withLabel("First administrator (optional)")), futureAdmin.email());
        _click(_get(create, Button.class, spec -> spec.withText("Create organisation")));
        assertThat(create.isOpened()).isFalse();

        type(_get(TextField.class, spec -> spec.withPlaceholder("Search organisations")), name);
        @SuppressWarnings("unchecked")
        Grid<TenantRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        TenantRow initech = GridKt._get(grid, 0);
        assertThat(initech.members()).isEqualTo(1);
        assertThat(initech.status()).isEqualTo(TenantStatus.ACTIVE);

        // Suspending needs a reason.
        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class));
        Dialog suspend = _get(Dialog.class);
        Button confirm = _get(suspend, Button.class, spec -> spec.withText("Suspend " + name));
        _click(confirm);
        TextArea reason = _get(suspend, TextArea.class, spec -> spec.withLabel("Reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(TenantStatus.ACTIVE);
        type(reason, "Trial ended without a contract");
        _click(confirm);
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(TenantStatus.SUSPENDED);

        // Its ADMIN signs in and is told, not let in.
        signInAs(futureAdmin);
        navigate("");
        assertThat(currentView()).isInstanceOf(SelectTenantView.class);
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("tenant-suspended"))).extracting(Paragraph::getText)
                .containsExactly(name + " is suspended: nobody can work in it for now, and its data is kept. "
                        + "Ask your organisation's administrator or your Cadence provider when it will be available again.");

        login(operator);
        navigate("operator/events");
        assertThat(currentView()).isInstanceOf(OperatorEventsView.class);
        navigate("operator/tenants");
        type(_get(TextField.class, spec -> spec.withPlaceholder("Search organisations")), name);
        @SuppressWarnings("unchecked")
        Grid<TenantRow> again = _get(Grid.class);
        _click(_get(GridKt._getCellComponent(again, 0, "actions"), Button.class, spec -> spec.withText("Reactivate")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._get(again, 0).status()).isEqualTo(TenantStatus.ACTIVE);

        signInAs(futureAdmin);
        navigate("select-tenant");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("tenant-suspended"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("tenant-choice"))).extracting(b -> b.getElement().getAttribute("aria-label"))
                .contains("Work in " + name + " as Administrator");
    }

    @Test
    void aTenantRoleCannotOpenTheConsole() {
        Member admin = fixtures.member(fixtures.tenant("Not operators"), Role.ADMIN);
        login(admin.authentication());

        navigate("operator/tenants");

        assertThat(currentView()).isNotInstanceOf(OperatorTenantsView.class).isNotInstanceOf(LoginView.class);
        assertThat(_find(Grid.class)).isEmpty();
    }

    /** As a fresh sign-in would: no organisation chosen yet. */
    private void signInAs(Member member) {
        login(new CadenceAuthentication(new CadenceUser(member.userId(), member.email(), member.name()), null));
    }
}
