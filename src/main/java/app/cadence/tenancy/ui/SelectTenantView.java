package app.cadence.tenancy.ui;

import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Where a member of several organisations chooses the one to work in. */
@NamedInterface("ui")
@Route(value = "select-tenant", autoLayout = false)
@PageTitle("Choose organisation · Cadence")
@PermitAll
public class SelectTenantView extends VerticalLayout {

    private final TenantSelectionService tenants;

    SelectTenantView(TenantSelectionService tenants, AuthenticationContext authentication) {
        this.tenants = tenants;
        addClassName("select-tenant-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        List<TenantChoice> choices = tenants.choices();
        add(new H1("Choose an organisation"));
        // --- suspended organisations and platform operators (C5) ---
        List<String> suspended = tenants.suspendedTenants();
        for (String name : suspended) {
            Paragraph notice = new Paragraph(TenantSelectionService.suspendedMessage(name));
            notice.addClassName("tenant-suspended");
            add(notice);
        }
        boolean operator = TenantContext.isOperator();
        if (operator) {
            // A route name, not the view class: the operator feature depends on tenancy, not the reverse.
            add(new Anchor("operator/tenants", "Open the operator console"));
        }
        if (choices.isEmpty() && !suspended.isEmpty()) {
            add(new Paragraph("You have no other organisation to work in."));
        } else if (choices.isEmpty() && operator) {
            add(new Paragraph("You belong to no organisation. As a platform operator, you manage organisations from the operator console."));
        } else if (choices.isEmpty()) {
            add(new Paragraph("You are not an active member of any organisation. Ask an administrator of your "
                    + "organisation to invite you, then sign in again."));
        } else {
            add(new Paragraph("You work with several organisations. Their data stays separate; you can switch at any time from the header."));
            Div list = new Div();
            list.addClassName("tenant-choices");
            for (TenantChoice choice : choices) {
                list.add(choiceButton(choice));
            }
            add(list);
        }
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(signOut);
    }

    private Button choiceButton(TenantChoice choice) {
        Span name = new Span(choice.tenantName());
        name.addClassName("tenant-choice-name");
        Span role = new Span(choice.role().label() + (choice.lastUsed() ? " · last used" : ""));
        role.addClassName("tenant-choice-role");
        Div label = new Div(name, role);
        Button button = new Button(label, e -> select(choice));
        button.addClassName("tenant-choice");
        button.setWidthFull();
        button.getElement().setAttribute("aria-label", "Work in " + choice.tenantName() + " as " + choice.role().label());
        if (choice.lastUsed()) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.addClickShortcut(Key.ENTER);
            button.setAutofocus(true);
        }
        return button;
    }

    private void select(TenantChoice choice) {
        try {
            tenants.select(choice.tenantId());
            getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
