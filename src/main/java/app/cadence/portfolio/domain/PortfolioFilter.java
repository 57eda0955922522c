package app.cadence.portfolio.domain;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.ProjectStatus;
import org.jspecify.annotations.Nullable;

/** What the portfolio is narrowed to; every part optional. */
public record PortfolioFilter(@Nullable Long programId, @Nullable Long pmUserId, @Nullable ProjectStatus status,
                              @Nullable Health health, boolean onlyWithOverdue, String search, boolean onlyDrifted) {

    /** Without the template drift filter. */
    public PortfolioFilter(@Nullable Long programId, @Nullable Long pmUserId, @Nullable ProjectStatus status, @Nullable Health health,
                           boolean onlyWithOverdue, String search) {
        this(programId, pmUserId, status, health, onlyWithOverdue, search, false);
    }

    public static PortfolioFilter none() {
        return new PortfolioFilter(null, null, null, null, false, "");
    }

    /** The same filter, narrowed or not to projects with an instance behind its template's latest version. */
    public PortfolioFilter drifted(boolean only) {
        return new PortfolioFilter(programId, pmUserId, status, health, onlyWithOverdue, search, only);
    }
}
