package app.cadence.portfolio.domain;

import app.cadence.project.domain.Health;
import java.util.List;
import java.util.Map;

/**
 * The summary above the portfolio: projects by health, overdue items, go-lives soon, templates in
 * use, and the charts' series (go-lives by month, overdue items week by week ending now).
 */
public record PortfolioTiles(Map<Health, Long> projectsByHealth, long overdueItems, long goLivesNext30Days,
                             List<TemplateUsage> templatesInUse, List<MonthCount> goLivesByMonth, List<WeekCount> overdueTrend) {

    /** Overdue items at the end of one week. */
    public record WeekCount(java.time.Instant weekEnd, long overdue) {
    }

    /** Projects going live in one calendar month. */
    public record MonthCount(java.time.YearMonth month, long projects) {
    }

    /** How often one template version is applied across the tenant's projects; {@code behind} when a newer version is published. */
    public record TemplateUsage(String templateName, int versionNumber, long instances, long projects, boolean behind) {
    }

    /** Template drift: the instances that follow an older version than their template's latest. */
    public long instancesBehind() {
        return templatesInUse.stream().filter(TemplateUsage::behind).mapToLong(TemplateUsage::instances).sum();
    }
}
