package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.domain.Tenant;
import app.cadence.tenancy.domain.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current organisation's own record as its members see it (name, zone, accent colour), and
 * the changes its ADMIN makes to it. Only ever the session's tenant: no method takes a tenant id,
 * so none can be pointed at another organisation. Input rules live with the caller (the
 * organisation settings); this stores what they accepted.
 */
@NamedInterface("api")
@Service
@Transactional
public class TenantProfiles {

    /** {@code version} guards against two ADMINs saving over each other. */
    public record Profile(Long tenantId, String name, ZoneId zone, @Nullable String accentColour, int lateStepMinutes,
                          int healthRedOverduePercent, int healthGoLiveDays, long version) {
    }

    public static final int NAME_MAX = Tenant.NAME_MAX;
    public static final int LATE_STEP_MINUTES_MIN = Tenant.LATE_STEP_MINUTES_MIN;
    public static final int LATE_STEP_MINUTES_MAX = Tenant.LATE_STEP_MINUTES_MAX;
    public static final int HEALTH_RED_OVERDUE_PERCENT_MIN = Tenant.HEALTH_RED_OVERDUE_PERCENT_MIN;
    public static final int HEALTH_RED_OVERDUE_PERCENT_MAX = Tenant.HEALTH_RED_OVERDUE_PERCENT_MAX;
    public static final int HEALTH_GO_LIVE_DAYS_MIN = Tenant.HEALTH_GO_LIVE_DAYS_MIN;
    public static final int HEALTH_GO_LIVE_DAYS_MAX = Tenant.HEALTH_GO_LIVE_DAYS_MAX;

    private final TenantRepository tenants;

    TenantProfiles(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Profile current() {
        Tenant t = currentTenant();
        return new Profile(t.getId(), t.getName(), t.getTimeZone(), t.getAccentColour(), t.getLateStepMinutes(),
                t.getHealthRedOverduePercent(), t.getHealthGoLiveDays(), t.getVersion());
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public void rename(String name) {
        currentTenant().rename(name);
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public void changeAccentColour(@Nullable String colour) {
        currentTenant().changeAccentColour(colour);
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public void changeLateStepMinutes(int minutes) {
        currentTenant().changeLateStepMinutes(minutes);
    }

    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public void changeHealthThresholds(int redOverduePercent, int goLiveDays) {
        currentTenant().changeHealthThresholds(redOverduePercent, goLiveDays);
    }

    private Tenant currentTenant() {
        Long tenantId = TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        return tenants.findById(tenantId).orElseThrow(() -> new RecordNotFoundException("Tenant", tenantId));
    }
}
