package app.cadence.portfolio.service;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioQueries;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.domain.PortfolioTiles;
import app.cadence.project.domain.HealthRule;
import app.cadence.shared.ReadsSince;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.service.WorkStatistics;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's portfolio: every project with its health and roll-up, and the summary tiles. */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class PortfolioService {

    /** Points of the overdue trend, one per week, the last one now. */
    public static final int WEEKS = 12;

    /**
     * How old the trend's past weeks may be and still be shown while the current hour's are
     * counted on a thread of their own: the points then end up to that much earlier, on a chart
     * of twelve weeks.
     */
    static final Duration PAST_WEEKS_SHOWN_WHILE_RECOUNTED = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

    /** How long a read stays on offer to other screens, and how long one waits for another's. */
    private static final Duration SHARED_FOR = Duration.ofSeconds(1);

    private final PortfolioQueries queries;
    private final WorkStatistics work;
    private final TenantSettings settings;
    private final Clock clock;
    /** Keyed by tenant (DESIGN.md): one entry per tenant, replaced each hour. */
    private final Map<Long, PastWeeks> pastWeeks = new ConcurrentHashMap<>();
    /** Tenants whose past weeks are being counted in the background, so that a second request does not start another count. */
    private final Set<Long> recounting = ConcurrentHashMap.newKeySet();
    private final TenantScope scope;
    /**
     * Reads that the portfolios refreshing for the same changes share: every item change of a
     * tenant refreshes each of its open portfolios (within a second, DESIGN.md), and each refresh
     * reads the page, its count and the tiles, which aggregate the whole portfolio — with ten PMOs
     * looking, ten identical reads per change. A refresh takes a read that began after its screen
     * heard of the changes (announced only once committed, so that read sees them). Keyed by
     * tenant first (DESIGN.md's rule for caches); the portfolio is the same for every member.
     */
    private final ReadsSince<RowsKey, List<PortfolioRow>> sharedRows = new ReadsSince<>(SHARED_FOR, SHARED_FOR);
    private final ReadsSince<CountKey, Long> sharedCounts = new ReadsSince<>(SHARED_FOR, SHARED_FOR);
    private final ReadsSince<TilesKey, PortfolioTiles> sharedTiles = new ReadsSince<>(SHARED_FOR, SHARED_FOR);

    PortfolioService(PortfolioQueries queries, WorkStatistics work, TenantSettings settings, Clock clock, TenantScope scope) {
        this.queries = queries;
        this.scope = scope;
        this.work = work;
        this.settings = settings;
        this.clock = clock;
    }

    public List<PortfolioRow> rows(PortfolioFilter filter, Sort sort, long offset, int limit) {
        return rows(filter, sort, offset, limit, null);
    }

    /**
     * A page of projects, read for a screen that refreshes for changes it heard of at
     * {@code heardAtNanos} ({@link app.cadence.live.LiveScreens.Refresh}): it may take the same
     * page read by another screen's refresh after that moment (null: read now).
     */
    public List<PortfolioRow> rows(PortfolioFilter filter, Sort sort, long offset, int limit, @Nullable Long heardAtNanos) {
        long began = System.nanoTime(); // before the transaction's first statement
        Long tenantId = TenantContext.requireTenantId();
        PortfolioQueries.HealthBasis basis = healthBasis();
        return sharedRows.read(new RowsKey(tenantId, filter, sort, offset, limit, basis), heardAtNanos == null ? began : heardAtNanos, began,
                () -> queries.rows(tenantId, filter, sort, clock.instant(), basis, offset, limit));
    }

    public long count(PortfolioFilter filter) {
        return count(filter, null);
    }

    /** The number of projects the filter keeps; shared like {@link #rows(PortfolioFilter, Sort, long, int, Long)}. */
    public long count(PortfolioFilter filter, @Nullable Long heardAtNanos) {
        long began = System.nanoTime(); // before the transaction's first statement
        Long tenantId = TenantContext.requireTenantId();
        PortfolioQueries.HealthBasis basis = healthBasis();
        return sharedCounts.read(new CountKey(tenantId, filter, basis), heardAtNanos == null ? began : heardAtNanos, began,
                () -> queries.count(tenantId, filter, clock.instant(), basis));
    }

    /** How many projects are red and how many amber, by the portfolio's rule: two counts, not the tiles. */
    public Map<app.cadence.project.domain.Health, Long> redAndAmber() {
        return Map.of(app.cadence.project.domain.Health.RED, count(new PortfolioFilter(null, null, null, app.cadence.project.domain.Health.RED, false, "")),
                app.cadence.project.domain.Health.AMBER, count(new PortfolioFilter(null, null, null, app.cadence.project.domain.Health.AMBER, false, "")));
    }

    /** The tiles and the charts' series, the overdue trend ending now. */
    public PortfolioTiles tiles() {
        return tiles(null);
    }

    /** The tiles; shared like {@link #rows(PortfolioFilter, Sort, long, int, Long)}. */
    public PortfolioTiles tiles(@Nullable Long heardAtNanos) {
        long began = System.nanoTime(); // before the transaction's first statement
        Long tenantId = TenantContext.requireTenantId();
        PortfolioQueries.HealthBasis basis = healthBasis();
        return sharedTiles.read(new TilesKey(tenantId, basis), heardAtNanos == null ? began : heardAtNanos, began, () -> {
            Instant now = clock.instant();
            List<PortfolioTiles.TemplateUsage> templatesInUse = work.templatesInUse().stream()
                    .map(t -> new PortfolioTiles.TemplateUsage(t.templateName(), t.versionNumber(), t.instances(), t.projects(), t.behind())).toList();
            return queries.tiles(tenantId, now, basis, pastWeeks(tenantId, now), templatesInUse);
        });
    }

    /** What a shared read depends on, the tenant first. */
    private record RowsKey(Long tenantId, PortfolioFilter filter, Sort sort, long offset, int limit, PortfolioQueries.HealthBasis basis) {
    }

    private record CountKey(Long tenantId, PortfolioFilter filter, PortfolioQueries.HealthBasis basis) {
    }

    private record TilesKey(Long tenantId, PortfolioQueries.HealthBasis basis) {
    }

    public java.time.ZoneId zone() {
        return settings.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The trend's past weeks, which end on the hour so that they can be kept for the hour: they
     * read every item due in the last twelve weeks, and change only when an item done before
     * then is reopened or an instance is removed. The current week's point is counted live.
     *
     * <p>At 10,000 projects the count takes 0.6–0.9 s (docs/performance.md). So when the hour
     * has turned, the weeks counted in an earlier hour (up to {@link #PAST_WEEKS_SHOWN_WHILE_RECOUNTED}
     * ago) are shown while this hour's are counted on a thread of their own; only a node's first
     * portfolio of a tenant, or one after hours without any, waits for the count.
     */
    private List<PortfolioTiles.WeekCount> pastWeeks(Long tenantId, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        PastWeeks cached = pastWeeks.get(tenantId);
        if (cached != null && cached.hour().equals(hour)) {
            return cached.weeks();
        }
        if (cached != null && cached.hour().isBefore(hour) && !cached.hour().isBefore(hour.minus(PAST_WEEKS_SHOWN_WHILE_RECOUNTED))) {
            recountInBackground(tenantId, hour);
            return cached.weeks();
        }
        return countPastWeeks(tenantId, hour);
    }

    private void recountInBackground(Long tenantId, Instant hour) {
        if (!recounting.add(tenantId)) {
            return;
        }
        Thread.ofVirtual().name("portfolio-past-weeks").start(() -> {
            try {
                scope.callAsSystem(tenantId, () -> countPastWeeks(tenantId, hour));
            } catch (RuntimeException e) {
                // The earlier hour's weeks stay on screen; the next portfolio read tries again.
                log.warn("The overdue trend's past weeks of tenant {} could not be counted", tenantId, e);
            } finally {
                recounting.remove(tenantId);
            }
        });
    }

    private List<PortfolioTiles.WeekCount> countPastWeeks(Long tenantId, Instant hour) {
        List<Instant> ends = new ArrayList<>();
        for (int w = WEEKS - 1; w >= 1; w--) {
            ends.add(hour.minus(Duration.ofDays(7L * w)));
        }
        List<Long> overdue = work.overdueAt(ends);
        List<PortfolioTiles.WeekCount> weeks = new ArrayList<>();
        for (int w = 0; w < ends.size(); w++) {
            weeks.add(new PortfolioTiles.WeekCount(ends.get(w), overdue.get(w)));
        }
        PastWeeks counted = new PastWeeks(hour, List.copyOf(weeks));
        // A count that finishes after a later one (a slow background count) does not replace it.
        pastWeeks.merge(tenantId, counted, (old, recent) -> recent.hour().isBefore(old.hour()) ? old : recent);
        return counted.weeks();
    }

    private record PastWeeks(Instant hour, List<PortfolioTiles.WeekCount> weeks) {
    }

    private PortfolioQueries.HealthBasis healthBasis() {
        return healthBasis(settings, clock);
    }

    /**
     * The current tenant's thresholds (cached with its zone) and today in its zone: what the
     * project page judges health by, so that the grid, the exports and the page agree.
     */
    static PortfolioQueries.HealthBasis healthBasis(TenantSettings settings, java.time.Clock clock) {
        TenantSettings.HealthThresholds t = settings.healthThresholds();
        return new PortfolioQueries.HealthBasis(LocalDate.now(clock.withZone(settings.zone())),
                new HealthRule.Thresholds(t.redOverduePercent(), t.goLiveDays()));
    }

    /** Today in the organisation's time zone, for "next key date", "days since" and the go-live window of health. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }
}
