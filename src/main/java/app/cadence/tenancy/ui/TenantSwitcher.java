package app.cadence.tenancy.ui;

import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Shows the organisation the session works in and lists the user's other organisations.
 * Switching re-checks the membership on the server and reloads the page into the new tenant.
 */
@NamedInterface("ui")
public class TenantSwitcher extends MenuBar {

    private final TenantSelectionService tenants;
    private boolean otherTenants;

    public TenantSwitcher(TenantSelectionService tenants) {
        this.tenants = tenants;
        addClassName("tenant-switcher");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
    }

    /** Rebuilds the menu from the memberships as they are now. */
    public void refresh() {
        removeAll();
        Long currentId = TenantContext.currentTenantId().orElse(null);
        List<TenantChoice> choices = tenants.choices();
        // The name as it is now: the session keeps the one from when the tenant was selected,
        // which is stale once an ADMIN renames the organisation.
        String current = choices.stream().filter(c -> c.tenantId().equals(currentId)).map(TenantChoice::tenantName).findFirst()
                .orElseGet(() -> TenantContext.currentSelection().map(s -> s.tenantName()).orElse("No organisation"));
        String role = TenantContext.currentSelection().map(s -> s.role().label()).orElse("");
        MenuItem root = addItem(VaadinIcon.BUILDING_O.create());
        root.add(new Span(current));
        Span roleBadge = new Span(role);
        roleBadge.addClassName("tenant-role");
        root.add(roleBadge);
        root.setAriaLabel("Organisation: " + current + ", your role: " + role + ". Switch organisation");
        SubMenu sub = root.getSubMenu();
        List<TenantChoice> others = choices.stream().filter(c -> !c.tenantId().equals(currentId)).toList();
        otherTenants = !others.isEmpty();
        if (others.isEmpty()) {
            note(sub.addItem("You belong to this organisation only"));
            return;
        }
        note(sub.addItem("Switch to"));
        for (TenantChoice choice : others) {
            MenuItem item = sub.addItem(choice.tenantName() + " (" + choice.role().label() + ")", e -> switchTo(choice));
            item.addClassName("tenant-choice");
        }
    }

    /** Whether the user belongs to other organisations too (known after {@link #refresh()}). */
    public boolean hasOtherTenants() {
        return otherTenants;
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
