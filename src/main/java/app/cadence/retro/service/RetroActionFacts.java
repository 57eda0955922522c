package app.cadence.retro.service;

import app.cadence.project.service.ProjectActionFacts;
import app.cadence.retro.domain.RetroActionRepository;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A retrospective counts towards its project's health through its action items (issue C8): an
 * open action whose day has passed is overdue like any item. Counted as {@code RetroSql} counts
 * them for the portfolio.
 */
@Component
class RetroActionFacts implements ProjectActionFacts {

    private final RetroActionRepository actions;
    private final TenantSettings settings;

    RetroActionFacts(RetroActionRepository actions, TenantSettings settings) {
        this.actions = actions;
        this.settings = settings;
    }

    @Override
    public ActionCounts actionCounts(Long projectId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Object[] counts = actions.countForHealth(TenantContext.requireTenantId(), projectId, today).getFirst();
        return new ActionCounts(number(counts[0]), number(counts[1]), number(counts[2]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
