package app.cadence.comms.service;

import app.cadence.template.domain.MessagePlaceholder;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The live values of a project's placeholders when a message is drafted (from the reporting module's project facts). */
public interface LiveValues {

    Map<MessagePlaceholder, String> values(Long projectId, LocalDate today, @Nullable LocalDate occurrenceDate);
}
