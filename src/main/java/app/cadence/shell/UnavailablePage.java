package app.cadence.shell;

import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.ui.SelectTenantView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One page for "does not exist", "belongs to another tenant" and "not allowed": the three must
 * look the same, so that nobody can probe for other tenants' records.
 */
abstract class UnavailablePage extends VerticalLayout {

    UnavailablePage() {
        addClassName("not-found-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        add(new H1("Page not found"),
                new Paragraph("The page or record you asked for does not exist, or it is not available to you."),
                new Anchor("/", "Go to your projects"));
    }

    int show(BeforeEnterEvent event) {
        // Signed in but no organisation chosen yet: the answer is to choose one, not a 404.
        // An operator outside any organisation is not asked to pick one: the page is simply not theirs.
        if (TenantContext.currentUser().isPresent() && TenantContext.currentSelection().isEmpty() && !TenantContext.isOperator()) {
            event.forwardTo(SelectTenantView.class);
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
