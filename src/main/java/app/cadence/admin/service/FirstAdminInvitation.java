package app.cadence.admin.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.mail.service.Outbox;
import app.cadence.shared.EmailAddress;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator who creates an organisation for someone new to Cadence invites them as its first
 * ADMIN: the same single-use link a tenant's ADMIN sends, written to that tenant's outbox.
 */
@NamedInterface("api")
@Service
@RolesAllowed(RoleSets.OPERATORS)
public class FirstAdminInvitation {

    private final InvitationIssuer issuer;
    private final Outbox outbox;
    private final SecurityLog securityLog;

    FirstAdminInvitation(InvitationIssuer issuer, Outbox outbox, SecurityLog securityLog) {
        this.issuer = issuer;
        this.outbox = outbox;
        this.securityLog = securityLog;
    }

    /** Runs in the transaction that creates the organisation, so that both exist or neither. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invite(Long tenantId, String organisation, String email) {
        if (!EmailAddress.isValid(email)) {
            throw new RuleViolationException("firstAdmin", "Enter one email address, e.g. admin@initech.example.");
        }
        CadenceUser operator = TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        InvitationIssuer.Issued issued = issuer.issue(tenantId, organisation, email, Role.ADMIN, operator.email(), operator.displayName());
        outbox.enqueueFor(tenantId, issued.email());
        securityLog.record(SecurityEventType.INVITATION_SENT, tenantId, operator.email(), issued.invitation().getEmail(),
                "As " + Role.ADMIN.label() + " (first ADMIN, by the platform operator)");
    }
}
