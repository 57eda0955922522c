package app.cadence.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Cadence")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    private final AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication, @Value("${cadence.demo-data:false}") boolean demoData,
              @Value("${cadence.signup.enabled:true}") boolean signUp) {
        this.authentication = authentication;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        login.addForgotPasswordListener(e -> login.getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        login.setI18n(texts());

        H1 brand = new H1("Cadence");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("Templates, cutovers, retrospectives and communication plans for your PMO.");
        tagline.addClassName("login-tagline");
        add(brand, tagline, login);
        if (signUp) {
            Anchor create = new Anchor("signup", "New to Cadence? Create your organisation");
            create.addClassName("login-signup");
            add(create);
        }
        if (demoData) {
            Div hint = new Div("Demo: sign in as pmo@acme.example, pm@acme.example, consultant@example.com "
                    + "or another demo account from the README, with the password cadence-demo.");
            hint.addClassName("login-demo-hint");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            // Already signed in: nothing to do here.
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        LoginI18n i18n = texts();
        if (parameters.containsKey("throttled")) {
            long seconds = parseSeconds(parameters.get("throttled"));
            i18n.getErrorMessage().setTitle("Too many failed attempts");
            i18n.getErrorMessage().setMessage("Sign-in is paused for this account or network. Wait "
                    + (seconds <= 1 ? "a second" : seconds + " seconds") + " and try again.");
            login.setI18n(i18n);
            login.setError(true);
        } else if (parameters.containsKey("expired")) {
            // The form's CSRF token belonged to a session that has since ended (or the form came
            // from somewhere else): nobody was signed in, and a fresh page carries a fresh token.
            i18n.getErrorMessage().setTitle("This sign-in page had expired");
            i18n.getErrorMessage().setMessage("You were not signed in. Type your email and password again.");
            login.setI18n(i18n);
            login.setError(true);
        } else if (parameters.containsKey("error")) {
            login.setError(true);
        }
    }

    private static long parseSeconds(List<String> values) {
        try {
            return values.isEmpty() ? 0 : Math.max(0, Long.parseLong(values.getFirst()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LoginI18n texts() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setSubmit("Sign in");
        i18n.getForm().setForgotPassword("Forgot your password?");
        i18n.getErrorMessage().setTitle("Incorrect email or password");
        i18n.getErrorMessage().setMessage("Check your email address and password and try again.");
        return i18n;
    }
}
