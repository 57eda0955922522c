package app.cadence.signup.ui;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.PublicPage;
import app.cadence.shared.ui.UserMessages;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;

/** Create an organisation: the form, then "check your inbox" whatever the address. */
@Route(value = "signup", autoLayout = false)
@PageTitle("Create your organisation · Cadence")
@AnonymousAllowed
public class SignUpView extends PublicPage implements BeforeEnterObserver {

    private final SignUpService signUp;
    private final TextField organisation = new TextField("Organisation");
    private final TextField name = new TextField("Your name");
    private final EmailField email = new EmailField("Work email");
    private final PasswordField password = new PasswordField("Password");

    SignUpView(SignUpService signUp) {
        this.signUp = signUp;
        organisation.setPlaceholder("e.g. Initech");
        organisation.setMaxLength(120);
        organisation.setAutofocus(true);
        name.setMaxLength(120);
        email.setMaxLength(254);
        password.setHelperText("At least 12 characters; a phrase of a few words is easy to remember and hard to guess.");
        for (TextField field : new TextField[] {organisation, name}) {
            field.setRequiredIndicatorVisible(true);
        }
        email.setRequiredIndicatorVisible(true);
        password.setRequiredIndicatorVisible(true);
        Button create = new Button("Create organisation", e -> submit());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(organisation, name, email, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Anchor signIn = new Anchor("login", "Already have an account? Sign in");
        show(new H2("Create your organisation"),
                text("Set up Cadence for your PMO. You will be its administrator and can invite your colleagues."),
                form, create, signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!signUp.isEnabled()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void submit() {
        Map<String, HasValidation> fields = Map.of("organisationName", organisation, "displayName", name, "email", email, "password", password);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            signUp.request(new SignUpForm(organisation.getValue(), name.getValue(), email.getValue(), password.getValue()));
            show(new H2("Check your inbox"),
                    text("We have sent a link to " + email.getValue().strip() + ". Open it to confirm your address and create "
                            + organisation.getValue().strip() + ". The link works for 24 hours."),
                    text("Nothing arrived after a few minutes? Check your spam folder, or sign up again."),
                    new Anchor("login", "Back to sign in"));
        } catch (RuleViolationException e) {
            HasValidation field = e.field() == null ? null : fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } else {
                UserMessages.showError(e);
            }
        }
    }
}
