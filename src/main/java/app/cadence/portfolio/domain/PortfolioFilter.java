package app.cadence.portfolio.domain;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.ProjectStatus;
import org.jspecify.annotations.Nullable;

/** What the portfolio is narrowed to; every part optional. */
public record PortfolioFilter(@Nullable Long programId, @Nullable Long pmUserId, @Nullable ProjectStatus status,
                              @Nullable Health health, boolean onlyWithOverdue, String search) {

    public static PortfolioFilter none() {
        return new PortfolioFilter(null, null, null, null, false, "");
    }
}
