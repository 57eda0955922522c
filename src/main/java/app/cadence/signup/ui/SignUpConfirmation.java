package app.cadence.signup.ui;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.PublicPage;
import app.cadence.shared.ui.UserMessages;
import app.cadence.signup.service.SignUpService;
import app.cadence.signup.service.SignUpService.SignUpDetails;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.util.Optional;

/**
 * The page the confirmation link opens. Creating the organisation takes a click, not just
 * opening the link: mail scanners open links too.
 */
abstract class SignUpConfirmation extends PublicPage implements HasUrlParameter<String> {

    private final SignUpService signUp;
    private final TenantSelectionService selection;
    private String token = "";

    SignUpConfirmation(SignUpService signUp, TenantSelectionService selection) {
        this.signUp = signUp;
        this.selection = selection;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        if (!signUp.isEnabled()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        Optional<SignUpDetails> details = signUp.look(token);
        if (details.isEmpty()) {
            show(new H2("Link not valid"), text("This link is not valid. Check that you copied the whole link from the email, or sign up again."),
                    new Anchor("signup", "Sign up"));
            return;
        }
        render(details.get());
    }

    private void render(SignUpDetails d) {
        switch (d.status()) {
            case COMPLETED -> show(new H2(d.organisationName() + " is ready"),
                    text("It was created with this link. Sign in to work in it."), new Anchor("login", "Sign in"));
            case EXPIRED -> show(new H2("Link expired"), text("This link has expired. Sign up again to get a new one."),
                    new Anchor("signup", "Sign up"));
            case READY -> {
                if (!d.accountExists()) {
                    Button create = primary("Create " + d.organisationName(), () -> {
                        signUp.completeAsNewUser(token);
                        show(new H2(d.organisationName() + " is ready"),
                                text("Your account " + d.email() + " is its administrator. Sign in with the password you chose to invite your colleagues."),
                                new Anchor("login", "Sign in"));
                    });
                    show(new H2("Create " + d.organisationName()), text("Confirm to create the organisation and your account " + d.email() + "."),
                            actions(create));
                } else if (d.signedInAsRequester()) {
                    Button create = primary("Create " + d.organisationName(), () -> {
                        Long tenantId = signUp.completeAsSignedIn(token);
                        selection.select(tenantId);
                        UI.getCurrent().getPage().setLocation("/?entered"); // inside the organisation just joined, not the home across all
                    });
                    show(new H2("Create " + d.organisationName()),
                            text("You will be its administrator, with your account " + d.email() + "."), actions(create));
                } else {
                    Button signIn = primary("Sign in as " + d.email(), () -> UI.getCurrent().navigate("signup/continue/" + token));
                    show(new H2("Create " + d.organisationName()),
                            text(d.email() + " already has a Cadence account. Sign in with it to create the organisation."
                                    + (d.signedInEmail() != null ? " You are signed in as " + d.signedInEmail() + " now: sign out first." : "")),
                            actions(signIn));
                }
            }
        }
    }


    private static Button primary(String label, Runnable action) {
        Button button = new Button(label, e -> {
            try {
                action.run();
            } catch (RuleViolationException ex) {
                UserMessages.showError(ex);
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setDisableOnClick(true);
        return button;
    }
}
