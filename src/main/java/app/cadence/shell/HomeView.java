package app.cadence.shell;

import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The landing page: sends each user where their work starts — someone working with two or more
 * organisations to what needs them across all of them; ADMIN and PMO to the portfolio.
 */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    /** The query parameter with which the organisation switcher reloads into an organisation's own landing page. */
    private static final String ENTERED = "entered";

    private final transient TenantSelectionService tenants;

    HomeView(TenantSelectionService tenants) {
        this.tenants = tenants;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean director = TenantContext.currentSelection().map(s -> s.role() == Role.ADMIN || s.role() == Role.PMO).orElse(false);
        // By address: the shell knows no feature's views (they declare their own menu entries).
        // Switching organisation from the header lands inside the new one (?entered), not back on the home across all.
        boolean entered = event.getLocation().getQueryParameters().getParameters().containsKey(ENTERED);
        if (!entered && TenantContext.currentSelection().isPresent() && tenants.choices().size() >= 2) {
            event.forwardTo("home");
        } else {
            event.forwardTo(director ? "portfolio" : "projects");
        }
    }
}
