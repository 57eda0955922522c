package app.cadence.signup.ui;

import app.cadence.signup.service.SignUpService;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The emailed link: open to anyone who holds it. */
@Route(value = "signup/confirm", autoLayout = false)
@PageTitle("Confirm sign-up · Cadence")
@AnonymousAllowed
public class ConfirmSignUpView extends SignUpConfirmation {

    ConfirmSignUpView(SignUpService signUp, TenantSelectionService selection) {
        super(signUp, selection);
    }
}
