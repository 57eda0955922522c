package app.cadence.portfolio.domain;

import app.cadence.project.domain.Health;
import java.util.List;
import java.util.Map;

/** The summary above the portfolio: projects by health, overdue items, go-lives soon, templates in use. */
public record PortfolioTiles(Map<Health, Long> projectsByHealth, long overdueItems, long goLivesNext30Days,
                             List<TemplateUsage> templatesInUse, List<MonthCount> goLivesByMonth) {

    /** Projects going live in one calendar month. */
    public record MonthCount(java.time.YearMonth month, long projects) {
    }

    /** How often one template version is applied across the tenant's projects. */
    public record TemplateUsage(String templateName, int versionNumber, long instances, long projects) {
    }
}
