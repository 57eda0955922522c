package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
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
     * Zone and health thresholds by tenant, read together at most once a minute: nearly every
     * screen needs the zone, the project page and the portfolio the thresholds, and they rarely
     * change. Another node sees a change within {@link #ZONE_TTL}; this one at once.
     */
    static final Duration ZONE_TTL = Duration.ofMinutes(1);

    /**
     * What a project's health is judged by (issue C8): red once the overdue share of due items is
     * above {@code redOverduePercent}; amber when it goes live within {@code goLiveDays} days with
     * no cutover runbook applied.
     */
    public record HealthThresholds(int redOverduePercent, int goLiveDays) {
    }

    /** When no tenant is selected; the same as a new tenant's (changeset 0030). */
    public static final HealthThresholds DEFAULT_HEALTH_THRESHOLDS = new HealthThresholds(
            app.cadence.tenancy.domain.Tenant.HEALTH_RED_OVERDUE_PERCENT_DEFAULT, app.cadence.tenancy.domain.Tenant.HEALTH_GO_LIVE_DAYS_DEFAULT);

    private record Cached(ZoneId zone, HealthThresholds health, Instant until) {
    }

    private final TenantRepository tenants;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    TenantSettings(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The zone due dates are computed and shown in; UTC when no tenant is selected. */
    public ZoneId zone() {
        Cached cached = cached();
        return cached == null ? ZoneOffset.UTC : cached.zone();
    }

    /** The current tenant's health thresholds; the defaults when no tenant is selected. */
    public HealthThresholds healthThresholds() {
        Cached cached = cached();
        return cached == null ? DEFAULT_HEALTH_THRESHOLDS : cached.health();
    }

    private @Nullable Cached cached() {
        Long tenantId = TenantContext.currentTenantId().orElse(null);
        if (tenantId == null) {
            return null;
        }
        Instant now = clock.instant();
        Cached cached = cache.get(tenantId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached;
        }
        Cached read = tenants.findById(tenantId)
                .map(t -> new Cached(t.getTimeZone(), new HealthThresholds(t.getHealthRedOverduePercent(), t.getHealthGoLiveDays()),
                        now.plus(ZONE_TTL)))
                .orElseGet(() -> new Cached(ZoneOffset.UTC, DEFAULT_HEALTH_THRESHOLDS, now.plus(ZONE_TTL)));
        cache.put(tenantId, read);
        return read;
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

    /** After the tenant's zone or health thresholds changed on this node; called by provisioning, with or without a signed-in user. */
    @PreAuthorize("permitAll()")
    public void forget(Long tenantId) {
        cache.remove(tenantId);
    }
}
