package app.cadence.portfolio.service;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioQueries;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.portfolio.domain.PortfolioTiles;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's portfolio: every project with its health and roll-up, and the summary tiles. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({"ADMIN", "PMO", "PM", "CONTRIBUTOR", "VIEWER"})
public class PortfolioService {

    private final PortfolioQueries queries;
    private final TenantSettings settings;
    private final Clock clock;

    PortfolioService(PortfolioQueries queries, TenantSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    public List<PortfolioRow> rows(PortfolioFilter filter, Sort sort, long offset, int limit) {
        return queries.rows(tenantId(), filter, sort, clock.instant(), offset, limit);
    }

    public long count(PortfolioFilter filter) {
        return queries.count(tenantId(), filter, clock.instant());
    }

    public PortfolioTiles tiles() {
        return queries.tiles(tenantId(), clock.instant(), today());
    }

    public java.time.ZoneId zone() {
        return settings.zone();
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    /** Overdue items at the end of each of the last 12 weeks, oldest first. */
    public List<PortfolioQueries.WeekCount> overdueTrend() {
        return queries.overdueTrend(tenantId(), clock.instant(), 12);
    }

    /** Today in the organisation's time zone, for "next key date" and "days since". */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    private static Long tenantId() {
        return TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }
}
