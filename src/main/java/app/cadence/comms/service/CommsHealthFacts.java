package app.cadence.comms.service;

import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommsHealthRule;
import app.cadence.project.service.ProjectActionFacts;
import app.cadence.tenancy.service.TenantContext;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Communications count towards their project's health by {@link CommsHealthRule}, as {@code CommsSql} counts them for the portfolio. */
@Component
class CommsHealthFacts implements ProjectActionFacts {

    private final CommOccurrenceRepository occurrences;

    CommsHealthFacts(CommOccurrenceRepository occurrences) {
        this.occurrences = occurrences;
    }

    @Override
    public ActionCounts actionCounts(Long projectId, Instant now) {
        Object[] counts = occurrences.countForHealth(TenantContext.requireTenantId(), projectId, now.minus(CommsHealthRule.WINDOW), now).getFirst();
        long due = number(counts[0]);
        return new ActionCounts(due, due, number(counts[1]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
