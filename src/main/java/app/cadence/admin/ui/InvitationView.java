package app.cadence.admin.ui;

import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The emailed invitation link: open to whoever holds it. */
@Route(value = "invitation", autoLayout = false)
@PageTitle("Invitation · Cadence")
@AnonymousAllowed
public class InvitationView extends InvitationPage {

    InvitationView(InvitationAcceptance acceptance, TenantSelectionService selection) {
        super(acceptance, selection);
    }
}
