package app.cadence.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.security.service.PasswordReset;
import app.cadence.security.ui.AccountView;
import app.cadence.security.ui.ForgotPasswordView;
import app.cadence.security.ui.ResetPasswordView;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.support.Mailbox;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.TenantContext;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AccountViewsTest extends KaribuTest {

    private static final String NEW_PASSWORD = "violet kettle orbit 7";

    @Autowired PasswordReset reset;
    @Autowired Mailbox mailbox;
    @Autowired AccountRecords accounts;
    @Autowired JdbcTemplate jdbc;
    @PersistenceContext EntityManager entityManager;

    @Test
    void theUserMenuLeadsToTheAccountPageWhereTheNameIsChanged() {
        Member pm = fixtures.member(fixtures.tenant("Profile"), Role.PM);
        login(pm.authentication());
        navigate("projects");

        ContextMenuKt._clickItemWithCaption(openMenu(_get(Button.class, spec -> spec.withClasses("app-user-menu"))), "Your account");
        assertThat(currentView()).isInstanceOf(AccountView.class);
        TextField email = _get(TextField.class, spec -> spec.withLabel("Email"));
        assertThat(email.getValue()).isEqualTo(pm.email());
        assertThat(email.isReadOnly()).isTrue();

        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        type(name, "   ");
        _click(_get(Button.class, spec -> spec.withText("Save name")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Enter the name");

        type(name, "  Grace Hopper ");
        _click(_get(Button.class, spec -> spec.withText("Save name")));
        assertThat(name.isInvalid()).isFalse();
        assertThat(accounts.profile(pm.userId()).displayName()).isEqualTo("Grace Hopper");
        assertThat(TenantContext.currentUser().orElseThrow().displayName()).as("the session's name").isEqualTo("Grace Hopper");
        assertThat(eventCount(pm.email(), SecurityEventType.PROFILE_CHANGED)).isEqualTo(1);
    }

    @Test
    void changingThePasswordShowsEachProblemNextToItsField() {
        Member pm = fixtures.member(fixtures.tenant("Passwords"), Role.PM);
        login(pm.authentication());
        navigate("account");
        PasswordField current = _get(PasswordField.class, spec -> spec.withLabel("Current password"));
        PasswordField fresh = _get(PasswordField.class, spec -> spec.withLabel("New password"));
        PasswordField again = _get(PasswordField.class, spec -> spec.withLabel("New password again"));
        Button change = _get(Button.class, spec -> spec.withText("Change password"));

        type(current, "not my password");
        type(fresh, NEW_PASSWORD);
        type(again, NEW_PASSWORD);
        _click(change);
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).contains("not your current password");
        assertThat(fresh.getValue()).as("nothing typed is lost").isEqualTo(NEW_PASSWORD);

        type(current, Fixtures.PASSWORD);
        type(fresh, "123456789012");
        type(again, "123456789012");
        _click(change);
        assertThat(current.isInvalid()).isFalse();
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).contains("most commonly used");

        long generationBefore = accounts.sessionGeneration(pm.userId()).orElseThrow();
        type(fresh, NEW_PASSWORD);
        type(again, NEW_PASSWORD);
        _click(change);
        assertThat(fresh.isInvalid()).isFalse();
        assertThat(current.getValue()).isEmpty();
        assertThat(fresh.getValue()).isEmpty();
        assertThat(accounts.sessionGeneration(pm.userId()).orElseThrow()).isEqualTo(generationBefore + 1);
        assertThat(currentView()).as("still signed in here").isInstanceOf(AccountView.class);
    }

    @Test
    void signingOutEverywhereAsksFirst() {
        Member pm = fixtures.member(fixtures.tenant("Everywhere"), Role.PM);
        login(pm.authentication());
        navigate("account");
        long before = accounts.sessionGeneration(pm.userId()).orElseThrow();

        _click(_get(Button.class, spec -> spec.withText("Sign out everywhere")));
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));
        assertThat(accounts.sessionGeneration(pm.userId()).orElseThrow()).isEqualTo(before);

        _click(_get(Button.class, spec -> spec.withText("Sign out everywhere")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(accounts.sessionGeneration(pm.userId()).orElseThrow()).isEqualTo(before + 1);
        assertThat(eventCount(pm.email(), SecurityEventType.SIGNED_OUT_EVERYWHERE)).isEqualTo(1);
    }

    @Test
    void theLoginPageLinksToTheForgottenPasswordPage() {
        navigate("login");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        ComponentUtil.fireEvent(form, new AbstractLogin.ForgotPasswordEvent(form, true));
        assertThat(currentView()).isInstanceOf(ForgotPasswordView.class);
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() {
        Member pm = fixtures.member(fixtures.tenant("Forgetful"), Role.PM);
        String stranger = "nobody-" + System.nanoTime() + "@example.com";

        String forKnown = askForLink(pm.email()).replace(pm.email(), "ADDRESS");
        String forUnknown = askForLink(stranger).replace(stranger, "ADDRESS");

        assertThat(forKnown).isEqualTo(forUnknown).startsWith("If an account exists for ADDRESS, we have sent a link");
        assertThat(mailsTo(pm.email())).hasSize(1);
        assertThat(mailsTo(stranger)).isEmpty();
    }

    @Test
    void anInvalidEmailIsPointedOutAndNothingIsSent() {
        navigate("forgot-password");
        _click(_get(Button.class, spec -> spec.withText("Email me a link")));
        assertThat(_get(EmailField.class).isInvalid()).isTrue();
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("reset-link-sent"))).isEmpty();
    }

    @Test
    void theEmailedLinkSetsANewPasswordOnce() {
        Member pm = fixtures.member(fixtures.tenant("Resetting"), Role.PM);
        reset.requestLink(pm.email());
        String link = mailbox.to(pm.email()).getFirst().emailedLink();
        String path = link.substring(link.indexOf("reset-password/"));

        navigate(path);
        assertThat(currentView()).isInstanceOf(ResetPasswordView.class);
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("New password"));
        PasswordField again = _get(PasswordField.class, spec -> spec.withLabel("New password again"));
        type(password, NEW_PASSWORD);
        type(again, "something else entirely");
        _click(_get(Button.class, spec -> spec.withText("Set new password")));
        assertThat(again.isInvalid()).isTrue();
        assertThat(again.getErrorMessage()).contains("differ");

        type(again, NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withText("Set new password")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("password-reset-done")).getText()).contains("Sign in with your new password");
        assertThat(_get(RouterLink.class, spec -> spec.withText("Sign in")).getHref()).isEqualTo("login");

        // The same link again: the one message for every link that cannot be used, and a way to ask anew.
        navigate(path);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("reset-link-not-usable")).getText()).isEqualTo(PasswordReset.LINK_NOT_USABLE);
        assertThat(_find(PasswordField.class)).isEmpty();
        assertThat(_get(RouterLink.class, spec -> spec.withText("Ask for a new link")).getHref()).isEqualTo("forgot-password");
    }

    @Test
    void anUnknownLinkSaysSoAndOffersANewOne() {
        navigate("reset-password/made-up-token");
        assertThat(currentView()).isInstanceOf(ResetPasswordView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("reset-link-not-usable")).getText()).isEqualTo(PasswordReset.LINK_NOT_USABLE);
        assertThat(_find(PasswordField.class)).isEmpty();
    }

    private String askForLink(String email) {
        // A fresh page each time, as from the sign-in page's link.
        navigate("login");
        navigate("forgot-password");
        type(_get(EmailField.class), email);
        _click(_get(Button.class, spec -> spec.withText("Email me a link")));
        return _get(Paragraph.class, spec -> spec.withClasses("reset-link-sent")).getText();
    }

    private List<OutboxMessage> mailsTo(String recipient) {
        return entityManager.createQuery("select m from OutboxMessage m where m.recipient = :recipient order by m.id", OutboxMessage.class)
                .setParameter("recipient", recipient).getResultList();
    }

    private long eventCount(String actor, SecurityEventType type) {
        return jdbc.queryForObject("select count(*) from security_event where actor = ? and type = ?", Long.class, actor, type.name());
    }
}
