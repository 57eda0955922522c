package app.cadence.signup.ui;

import app.cadence.signup.service.SignUpService;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The same page behind sign-in, so that an existing account comes back here after signing in. */
@Route(value = "signup/continue", autoLayout = false)
@PageTitle("Confirm sign-up · Cadence")
@PermitAll
public class ContinueSignUpView extends SignUpConfirmation {

    ContinueSignUpView(SignUpService signUp, TenantSelectionService selection) {
        super(signUp, selection);
    }
}
