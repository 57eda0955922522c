package app.cadence.admin.ui;

import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The invitation behind sign-in: an existing account signs in and comes back here to accept. */
@Route(value = "join", autoLayout = false)
@PageTitle("Invitation · Cadence")
@PermitAll
public class JoinView extends InvitationPage {

    JoinView(InvitationAcceptance acceptance, TenantSelectionService selection) {
        super(acceptance, selection);
    }
}
