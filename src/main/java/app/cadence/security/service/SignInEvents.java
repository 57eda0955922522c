package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.tenancy.service.TenantEntered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A member of several organisations signs in without one and picks it next: the sign-in is
 * logged again in the organisation entered, so that its ADMIN sees it like any other sign-in.
 */
@Component
class SignInEvents {

    private final SecurityLog securityLog;

    SignInEvents(SecurityLog securityLog) {
        this.securityLog = securityLog;
    }

    @EventListener
    void onTenantEntered(TenantEntered entered) {
        securityLog.record(SecurityEventType.SIGNED_IN, entered.tenantId(), entered.email(), null, "Organisation chosen after sign-in");
    }
}
