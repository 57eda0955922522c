package app.cadence.tenancy.ui;

import app.cadence.shared.ui.MenuOnDemand;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Shows the organisation the session works in and, in a menu, the user's other organisations.
 * Switching re-checks the membership on the server and reloads the page into the new tenant.
 * The menu's items are read when it opens (so they are current) and dropped when it closes.
 */
@NamedInterface("ui")
public class TenantSwitcher extends Button {

    private final TenantSelectionService tenants;
    private final Span name = new Span();
    private final Span roleBadge = new Span();
    private boolean otherTenants;

    public TenantSwitcher(TenantSelectionService tenants) {
        this.tenants = tenants;
        addClassName("tenant-switcher");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        setIcon(VaadinIcon.BUILDING_O.create());
        roleBadge.addClassName("tenant-role");
        getElement().appendChild(name.getElement(), roleBadge.getElement());
        new MenuOnDemand(this, this::fill);
    }

    /** Shows the organisation and role as they are now, and notes whether there are others. */
    public void refresh() {
        Long currentId = TenantContext.currentTenantId().orElse(null);
        List<TenantChoice> choices = tenants.choices();
        // The name as it is now: the session keeps the one from when the tenant was selected,
        // which is stale once an ADMIN renames the organisation.
        String current = choices.stream().filter(c -> c.tenantId().equals(currentId)).map(TenantChoice::tenantName).findFirst()
                .orElseGet(() -> TenantContext.currentSelection().map(s -> s.tenantName()).orElse("No organisation"));
        String role = TenantContext.currentSelection().map(s -> s.role().label()).orElse("");
        name.setText(current);
        roleBadge.setText(role);
        setAriaLabel("Organisation: " + current + ", your role: " + role + ". Switch organisation");
        otherTenants = choices.stream().anyMatch(c -> !c.tenantId().equals(currentId));
    }

    /** Whether the user belongs to other organisations too (known after {@link #refresh()}). */
    public boolean hasOtherTenants() {
        return otherTenants;
    }

    private void fill(ContextMenu menu) {
        Long currentId = TenantContext.currentTenantId().orElse(null);
        List<TenantChoice> others = tenants.choices().stream().filter(c -> !c.tenantId().equals(currentId)).toList();
        if (others.isEmpty()) {
            note(menu.addItem("You belong to this organisation only"));
            return;
        }
        note(menu.addItem("Switch to"));
        for (TenantChoice choice : others) {
            MenuItem item = menu.addItem(choice.tenantName() + " (" + choice.role().label() + ")", e -> switchTo(choice));
            item.addClassName("tenant-choice");
        }
    }

    private static void note(MenuItem item) {
        item.setEnabled(false);
        item.addClassName("menu-note");
    }

    private void switchTo(TenantChoice choice) {
        try {
            tenants.select(choice.tenantId());
            // A full reload: nothing rendered for the previous organisation survives.
            // "entered": the landing page inside the organisation, not the home across organisations.
            UI.getCurrent().getPage().setLocation("/?entered");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
