package app.cadence.security.ui;

import app.cadence.security.service.AccountService;
import app.cadence.security.service.PasswordPolicy;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.AccountRecords.AccountProfile;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** The signed-in person's own account: name, password and sessions. */
@Route("account")
@PageTitle("Your account · Cadence")
@PermitAll
public class AccountView extends VerticalLayout {

    private final AccountService account;
    private final AuthenticationContext authentication;

    private final TextField email = new TextField("Email");
    private final TextField displayName = new TextField("Name");
    private final PasswordField currentPassword = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("New password again");

    AccountView(AccountService account, AuthenticationContext authentication, java.util.List<app.cadence.shared.ui.AccountPageSection> sections) {
        this.account = account;
        this.authentication = authentication;
        addClassName("account-view");
        setMaxWidth("48rem");

        AccountProfile profile = account.profile();
        email.setValue(profile.email());
        email.setReadOnly(true);
        email.setHelperText("You sign in with this address.");
        displayName.setValue(profile.displayName());
        displayName.setMaxLength(AccountService.DISPLAY_NAME_MAX);
        displayName.setRequired(true);
        displayName.setHelperText("How your colleagues see you: as assignee, in histories and in the header.");
        Button saveName = new Button("Save name", e -> saveName());
        saveName.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveName.addClassName("save-name");

        currentPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_CHARACTERS + " characters. A few unrelated words are "
                + "long and easy to remember.");
        Button changePassword = new Button("Change password", e -> changePassword());
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClassName("change-password");

        Button everywhere = new Button("Sign out everywhere", e -> confirmSignOutEverywhere());
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        everywhere.addClassName("sign-out-everywhere");

        add(new H2("Profile"), form(email, displayName), saveName,
                new H2("Password"),
                new Paragraph("Changing your password signs you out on every other device and browser; you stay signed in here."),
                form(currentPassword, newPassword, confirmation), changePassword,
                new H2("Sessions"),
                new Paragraph("Signed in on a computer you no longer use, or lost a phone? Sign out everywhere ends every "
                        + "session of your account, this one included."),
                everywhere);
        sections.forEach(section -> add(section.create()));
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void saveName() {
        displayName.setInvalid(false);
        try {
            account.changeDisplayName(displayName.getValue());
            displayName.setValue(account.profile().displayName());
            UserMessages.showSuccess("Your name is saved. Colleagues see it from now on.");
        } catch (RuleViolationException e) {
            show(e, Map.of("displayName", displayName));
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void changePassword() {
        for (HasValidation field : new HasValidation[] {currentPassword, newPassword, confirmation}) {
            field.setInvalid(false);
        }
        try {
            account.changePassword(currentPassword.getValue(), newPassword.getValue(), confirmation.getValue());
            currentPassword.clear();
            newPassword.clear();
            confirmation.clear();
            UserMessages.showSuccess("Your password is changed. Your other sessions are signed out; this one stays signed in.");
        } catch (RuleViolationException e) {
            show(e, Map.of("currentPassword", currentPassword, "password", newPassword, "confirmation", confirmation));
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void confirmSignOutEverywhere() {
        ConfirmDialog dialog = new ConfirmDialog("Sign out everywhere?",
                "Every session of your account ends: on other computers and phones, and here. You will need your "
                        + "password to sign in again.",
                "Sign out everywhere", e -> signOutEverywhere());
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Stay signed in");
        dialog.open();
    }

    private void signOutEverywhere() {
        try {
            account.signOutEverywhere();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return;
        }
        authentication.logout();
    }

    /** The message next to the field it concerns; as a notification when it concerns none of them. */
    private static <F extends HasValidation> void show(RuleViolationException e, Map<String, F> fields) {
        F field = e.field() == null ? null : fields.get(e.field());
        if (field == null) {
            UserMessages.showError(e);
            return;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
    }
}
