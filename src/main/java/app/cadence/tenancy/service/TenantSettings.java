package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/** Settings of the current tenant that other features compute with. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class TenantSettings {

    /**
     * Zones by tenant, read at most once a minute: nearly every screen needs the zone, and it
     * rarely changes. Another node sees a change within {@link #ZONE_TTL}; this one at once.
     */
    static final Duration ZONE_TTL = Duration.ofMinutes(1);

    private record CachedZone(ZoneId zone, Instant until) {
    }

    private final TenantRepository tenants;
    private final Clock clock;
    private final Map<Long, CachedZone> zones = new ConcurrentHashMap<>();

    TenantSettings(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The zone due dates are computed and shown in; UTC when no tenant is selected. */
    public ZoneId zone() {
        Long tenantId = TenantContext.currentTenantId().orElse(null);
        if (tenantId == null) {
            return ZoneOffset.UTC;
        }
        Instant now = clock.instant();
        CachedZone cached = zones.get(tenantId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.zone();
        }
        ZoneId zone = tenants.findById(tenantId).map(t -> t.getTimeZone()).orElse(ZoneOffset.UTC);
        zones.put(tenantId, new CachedZone(zone, now.plus(ZONE_TTL)));
        return zone;
    }

    /**
     * How late a cutover step may run before its owner is notified (issue C7); the default when no
     * tenant is selected. Read where lateness is judged (a job in the tenant's scope), not per screen,
     * so it is not cached.
     */
    public Duration lateStepThreshold() {
        int minutes = TenantContext.currentTenantId().flatMap(tenants::findById).map(t -> t.getLateStepMinutes())
                .orElse(app.cadence.tenancy.domain.Tenant.LATE_STEP_MINUTES_DEFAULT);
        return Duration.ofMinutes(minutes);
    }

    /** After the tenant's zone changed on this node; called by provisioning, with or without a signed-in user. */
    @PreAuthorize("permitAll()")
    public void forget(Long tenantId) {
        zones.remove(tenantId);
    }
}
