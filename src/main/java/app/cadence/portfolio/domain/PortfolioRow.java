package app.cadence.portfolio.domain;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.HealthFacts;
import app.cadence.project.domain.ProjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One project as the portfolio shows it. Percentages are done items out of the items that count
 * (not-applicable ones left out) per template kind; null when the project has none of that kind.
 */
public record PortfolioRow(Long projectId, String key, String name, ProjectStatus status, @Nullable String programName,
                           @Nullable String pmName, @Nullable LocalDate startDate, @Nullable LocalDate goLiveDate,
                           @Nullable LocalDate closeDate, Health health, String healthReason, boolean healthOverridden,
                           HealthFacts facts, @Nullable Integer cutoverPercent, @Nullable Integer communicationPercent,
                           @Nullable Integer retrospectivePercent, Instant lastUpdate) {

    public long overdue() {
        return facts.overdueItems();
    }

    public long blocked() {
        return facts.blockedItems();
    }

    /** The next key date from {@code today}: start, go-live or close, whichever comes first. */
    public @Nullable LocalDate nextKeyDate(LocalDate today) {
        LocalDate next = null;
        for (LocalDate d : new LocalDate[] {startDate, goLiveDate, closeDate}) {
            if (d != null && !d.isBefore(today) && (next == null || d.isBefore(next))) {
                next = d;
            }
        }
        return next;
    }
}
