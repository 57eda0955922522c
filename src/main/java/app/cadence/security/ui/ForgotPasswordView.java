package app.cadence.security.ui;

import app.cadence.security.service.PasswordReset;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Asks for a password-reset link. The answer is the same whether or not the address has an
 * account, so the page cannot be used to find out who has one.
 */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Forgot your password? · Cadence")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    private final PasswordReset reset;
    private final EmailField email = new EmailField("Email");
    private final Div content = new Div();

    ForgotPasswordView(PasswordReset reset) {
        this.reset = reset;
        addClassName("forgot-password-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        email.setAutofocus(true);
        email.setErrorMessage("Enter an email address such as name@example.com.");
        Button send = new Button("Email me a link", e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClassName("send-link");
        content.addClassName("forgot-password-form");
        content.setMaxWidth("24rem");
        content.add(new Paragraph("Enter the email address you sign in with. We will send you a link to choose a new password."),
                email, send);
        add(new H1("Forgot your password?"), content, new RouterLink("Back to sign in", LoginView.class));
    }

    private void send() {
        String address = email.getValue().strip();
        if (address.isEmpty() || email.isInvalid()) {
            email.setInvalid(true);
            return;
        }
        try {
            reset.requestLink(address);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return;
        }
        long minutes = reset.linkValidity().toMinutes();
        Paragraph sent = new Paragraph("If an account exists for " + address + ", we have sent a link to it to choose a new "
                + "password. The link works once, for " + minutes + " minutes. Nothing arrived after a few minutes? "
                + "Check your spam folder, or ask your organisation's administrator.");
        sent.addClassName("reset-link-sent");
        content.removeAll();
        content.add(sent);
    }
}
