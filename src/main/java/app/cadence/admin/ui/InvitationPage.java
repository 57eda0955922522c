package app.cadence.admin.ui;

import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.admin.service.MemberViews.InvitationDetails;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.PublicPage;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.util.Optional;

/**
 * What an invitation link opens: who invites the address to which organisation with which
 * role, and the way to accept — a new account for the address (with the code from the email,
 * which the emailed link fills in), or signing in with the existing one. Accepting takes a
 * click: mail scanners open links too.
 */
abstract class InvitationPage extends PublicPage implements HasUrlParameter<String> {

    private final InvitationAcceptance acceptance;
    private final TenantSelectionService selection;
    private String token = "";
    private String code = "";

    InvitationPage(InvitationAcceptance acceptance, TenantSelectionService selection) {
        this.acceptance = acceptance;
        this.selection = selection;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        // The emailed link carries the code; a link passed on by the ADMIN does not.
        code = event.getLocation().getQueryParameters().getSingleParameter("code").orElse("");
        Optional<InvitationDetails> details = acceptance.look(token);
        if (details.isEmpty()) {
            show(new H2("Invitation not valid"), text("This invitation link is not valid. Check that you copied the whole link from the email."),
                    new Anchor("login", "Sign in"));
            return;
        }
        render(details.get());
    }

    private void render(InvitationDetails d) {
        H2 title = new H2("Join " + d.tenantName());
        switch (d.status()) {
            case ACCEPTED -> show(title, text("This invitation has already been used. Sign in to work in " + d.tenantName() + "."),
                    new Anchor("login", "Sign in"));
            case EXPIRED -> show(title, text("This invitation has expired. Ask the person who invited you for a new one."));
            case REVOKED -> show(title, text("This invitation was withdrawn. Ask the organisation's administrator if you need access."));
            case PENDING -> {
                String invited = d.tenantName() + " invites " + d.email() + " to work in Cadence as " + d.role().label() + ".";
                if (!d.accountExists()) {
                    newAccount(title, invited, d);
                } else if (d.signedInAsInvitee()) {
                    Button join = new Button("Join " + d.tenantName(), e -> act(() -> {
                        Long tenantId = acceptance.acceptAsSignedIn(token);
                        selection.select(tenantId);
                        UI.getCurrent().getPage().setLocation("/?entered"); // inside the organisation just joined, not the home across all
                    }));
                    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    join.addClickShortcut(Key.ENTER);
                    show(title, text(invited), text("You will be able to switch between your organisations from the header."), actions(join));
                } else {
                    Button signIn = new Button("Sign in as " + d.email() + " to accept", e -> UI.getCurrent().navigate("join/" + token));
                    signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    show(title, text(invited), text(d.email() + " already has a Cadence account: sign in with it to accept."
                            + (d.signedInEmail() != null ? " You are signed in as " + d.signedInEmail() + " now: sign out first." : "")),
                            actions(signIn));
                }
            }
        }
    }

    private void newAccount(H2 title, String invited, InvitationDetails d) {
        TextField codeField = new TextField("Code from the invitation email");
        codeField.setValue(code);
        codeField.setRequiredIndicatorVisible(true);
        codeField.setMaxLength(40);
        codeField.setHelperText("The email sent to " + d.email() + " contains it: it proves that the address is yours.");
        TextField name = new TextField("Your name");
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        PasswordField password = new PasswordField("Choose a password");
        password.setRequiredIndicatorVisible(true);
        password.setHelperText("At least 12 characters; a phrase of a few words is easy to remember and hard to guess.");
        PasswordField repeat = new PasswordField("Repeat the password");
        Button accept = new Button("Create account and join", e -> {
            codeField.setInvalid(false);
            name.setInvalid(false);
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two passwords differ.");
                repeat.setInvalid(true);
                return;
            }
            try {
                acceptance.acceptAsNewUser(token, codeField.getValue(), name.getValue(), password.getValue());
                show(new H2("Welcome to " + d.tenantName()),
                        text("Your account " + d.email() + " is ready. Sign in with the password you chose."), new Anchor("login", "Sign in"));
            } catch (RuleViolationException ex) {
                HasValidation field = switch (ex.field() == null ? "" : ex.field()) {
                    case "code" -> codeField;
                    case "displayName" -> name;
                    case "password" -> password;
                    default -> null;
                };
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                } else {
                    UserMessages.showError(ex);
                }
            }
        });
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(codeField, name, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        show(title, text(invited), text("Create your account for " + d.email() + " to accept."), form, actions(accept));
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (RuleViolationException ex) {
            UserMessages.showError(ex);
        }
    }

}
