package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Security events about a person's account (password, sessions, profile). An account spans the
 * organisations the person works in, so each of their ADMINs sees the event in their own log;
 * a person with no organisation is recorded in the global log only.
 */
@Component
class AccountEventLog {

    private final AccountRecords accounts;
    private final SecurityLog securityLog;

    AccountEventLog(AccountRecords accounts, SecurityLog securityLog) {
        this.accounts = accounts;
        this.securityLog = securityLog;
    }

    void record(SecurityEventType type, Long userId, String email, @Nullable String detail) {
        List<Long> tenants = new ArrayList<>(accounts.activeTenantIds(userId));
        TenantContext.currentTenantId().filter(t -> !tenants.contains(t)).ifPresent(tenants::add);
        if (tenants.isEmpty()) {
            securityLog.record(type, null, email, email, detail);
        }
        for (Long tenantId : tenants) {
            securityLog.record(type, tenantId, email, email, detail);
        }
    }
}
