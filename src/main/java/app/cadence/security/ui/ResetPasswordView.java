package app.cadence.security.ui;

import app.cadence.security.service.PasswordPolicy;
import app.cadence.security.service.PasswordReset;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

/** Where the emailed link leads: choose a new password, once. */
@Route(value = "reset-password", autoLayout = false)
@PageTitle("Choose a new password · Cadence")
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements HasUrlParameter<String> {

    private final PasswordReset reset;
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("New password again");
    private final Div content = new Div();
    private @Nullable String token;

    ResetPasswordView(PasswordReset reset) {
        this.reset = reset;
        addClassName("reset-password-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        content.setMaxWidth("24rem");
        add(new H1("Choose a new password"), content);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        content.removeAll();
        if (reset.isUsable(token)) {
            showForm();
        } else {
            showLinkNotUsable();
        }
    }

    private void showForm() {
        password.setHelperText("At least " + PasswordPolicy.MIN_CHARACTERS + " characters. A few unrelated words are "
                + "long and easy to remember.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setWidthFull();
        confirmation.setWidthFull();
        password.setAutofocus(true);
        Button save = new Button("Set new password", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClassName("set-password");
        content.add(new Paragraph("Setting a new password signs you out on every device."), password, confirmation, save);
    }

    private void save() {
        password.setInvalid(false);
        confirmation.setInvalid(false);
        try {
            reset.resetPassword(token, password.getValue(), confirmation.getValue());
        } catch (RuleViolationException e) {
            HasValidation field = "password".equals(e.field()) ? password : "confirmation".equals(e.field()) ? confirmation : null;
            if (field == null) {
                // The link stopped working while the form was open (used in another tab, expired).
                content.removeAll();
                showLinkNotUsable();
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
            return;
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return;
        }
        content.removeAll();
        Paragraph done = new Paragraph("Your password is changed and every session of your account is signed out. "
                + "Sign in with your new password.");
        done.addClassName("password-reset-done");
        content.add(done, new RouterLink("Sign in", LoginView.class));
    }

    private void showLinkNotUsable() {
        Paragraph message = new Paragraph(PasswordReset.LINK_NOT_USABLE);
        message.addClassName("reset-link-not-usable");
        content.add(message, new RouterLink("Ask for a new link", ForgotPasswordView.class));
    }
}
