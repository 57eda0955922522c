package app.cadence.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberViews.MemberRow;
import app.cadence.admin.ui.InvitationView;
import app.cadence.admin.ui.MembersView;
import app.cadence.signup.ui.SignUpView;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.Mailbox;
import app.cadence.tenancy.domain.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AdministrationViewsTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;

    Tenant tenant;
    Member admin;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Initech");
        admin = fixtures.member(tenant, Role.ADMIN);
    }

    /** The button in a member's row: grid cells are rendered per row, outside the view's component tree. */
    Button memberButton(String ariaLabel) {
        Grid<MemberRow> grid = membersGrid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            var found = _find(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withAttribute("aria-label", ariaLabel));
            if (!found.isEmpty()) {
                return found.getFirst();
            }
        }
        throw new AssertionError("No button " + ariaLabel);
    }

    @SuppressWarnings("unchecked")
    Grid<MemberRow> membersGrid() {
        return _get(Grid.class, spec -> spec.withClasses("members-grid"));
    }

    @Test
    void anAdminInvitesSomeoneWhoThenCreatesTheirAccountFromTheLink() {
        login(admin.authentication());
        navigate("admin/members");
        assertThat(currentView()).isInstanceOf(MembersView.class);
        assertThat(GridKt._size(membersGrid())).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("Invite people")));
        String email = Fixtures.unique("pm") + "@initech.example";
        type(_get(EmailField.class, spec -> spec.withLabel("Email")), "not an address");
        _click(_get(Button.class, spec -> spec.withText("Send invitation")));
        assertThat(_get(EmailField.class, spec -> spec.withLabel("Email")).isInvalid()).isTrue();
        type(_get(EmailField.class, spec -> spec.withLabel("Email")), email);
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        type(role, Role.PM);
        _click(_get(Button.class, spec -> spec.withText("Send invitation")));
        NotificationsKt.expectNotifications("Invitation to " + email + " is in the Email outbox: copy its link from there "
                + "if they already have a Cadence account.");
        @SuppressWarnings("unchecked")
        Grid<Object> invitations = _get(Grid.class, spec -> spec.withClasses("invitations-grid"));
        assertThat(GridKt._getFormattedRow(invitations, 0)).contains(email, Role.PM.label(), "Waiting");

        Mailbox.Mail mail = mailbox.last(email);
        // The invitee, in a browser that is not signed in, first with the link as the ADMIN could pass it on: no code.
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        navigate("invitation/" + mail.token());
        assertThat(currentView()).isInstanceOf(InvitationView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Join " + tenant.name());
        TextField code = _get(TextField.class, spec -> spec.withLabel("Code from the invitation email"));
        assertThat(code.getValue()).isEmpty();
        type(_get(TextField.class, spec -> spec.withLabel("Your name")), "Mallory");
        type(_get(PasswordField.class, spec -> spec.withLabel("Choose a password")), "a long enough pass phrase");
        type(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")), "a long enough pass phrase");
        _click(_get(Button.class, spec -> spec.withText("Create account and join")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("Enter the code from the invitation email sent to " + email);

        // Then with the link as the email carries it: the code is filled in.
        navigate(mail.emailedLink().substring(mail.emailedLink().indexOf("invitation/")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Code from the invitation email")).getValue()).isEqualTo(mail.code());
        type(_get(TextField.class, spec -> spec.withLabel("Your name")), "Peter Gibbons");
        type(_get(PasswordField.class, spec -> spec.withLabel("Choose a password")), "a long enough pass phrase");
        type(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")), "a different pass phrase");
        _click(_get(Button.class, spec -> spec.withText("Create account and join")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")).getErrorMessage()).isEqualTo("The two passwords differ.");
        type(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")), "a long enough pass phrase");
        _click(_get(Button.class, spec -> spec.withText("Create account and join")));
        assertThat(_get(H2.class).getText()).isEqualTo("Welcome to " + tenant.name());
    }

    @Test
    void deactivatingAsksFirstAndTheLastAdminIsProtected() {
        Member pm = fixtures.member(tenant, Role.PM);
        login(admin.authentication());
        navigate("admin/members");
        assertThat(GridKt._size(membersGrid())).isEqualTo(2);

        _click(memberButton("Deactivate " + pm.name()));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications(pm.name() + " is deactivated.");
        assertThat(GridKt._size(membersGrid())).isEqualTo(1);
        type(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("Show deactivated members")), true);
        assertThat(GridKt._size(membersGrid())).isEqualTo(2);
        assertThat(memberButton("Reactivate " + pm.name()).isEnabled()).isTrue();

        _click(memberButton("Change the role of " + admin.name()));
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        type(role, Role.VIEWER);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(role.isInvalid()).isTrue();
        assertThat(role.getErrorMessage()).contains("at least one active ADMIN");
    }

    @Test
    void signingUpAlwaysEndsWithCheckYourInbox() {
        navigate("signup");
        assertThat(currentView()).isInstanceOf(SignUpView.class);
        type(_get(TextField.class, spec -> spec.withLabel("Organisation")), "Initech");
        type(_get(TextField.class, spec -> spec.withLabel("Your name")), "Bill Lumbergh");
        type(_get(EmailField.class, spec -> spec.withLabel("Work email")), admin.email());
        type(_get(PasswordField.class, spec -> spec.withLabel("Password")), "short");
        _click(_get(Button.class, spec -> spec.withText("Create organisation")));
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Password")).isInvalid()).isTrue();
        type(_get(PasswordField.class, spec -> spec.withLabel("Password")), "yeah that would be great");
        _click(_get(Button.class, spec -> spec.withText("Create organisation")));
        // An existing account's address: the page says exactly what it says for a new one.
        assertThat(_get(H2.class).getText()).isEqualTo("Check your inbox");
    }
}
