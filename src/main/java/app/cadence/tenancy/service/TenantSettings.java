package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.TenantRepository;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings of the current tenant that other features compute with. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class TenantSettings {

    private final TenantRepository tenants;

    TenantSettings(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The zone due dates are computed and shown in; UTC when no tenant is selected. */
    public ZoneId zone() {
        return TenantContext.currentTenantId().flatMap(tenants::findById).map(t -> t.getTimeZone()).orElse(ZoneOffset.UTC);
    }
}
