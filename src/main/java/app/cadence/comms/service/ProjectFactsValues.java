package app.cadence.comms.service;

import app.cadence.reporting.service.ProjectFacts;
import app.cadence.template.domain.MessagePlaceholder;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The placeholders' live values from the reporting module's project facts: the same figures as the status report. */
@Component
class ProjectFactsValues implements LiveValues {

    private final ProjectFacts facts;

    ProjectFactsValues(ProjectFacts facts) {
        this.facts = facts;
    }

    @Override
    public Map<MessagePlaceholder, String> values(Long projectId, LocalDate today, @Nullable LocalDate occurrenceDate) {
        return facts.placeholderValues(projectId, today, occurrenceDate);
    }
}
