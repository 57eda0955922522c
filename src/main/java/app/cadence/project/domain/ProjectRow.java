package app.cadence.project.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One line of the project list. */
public record ProjectRow(Long id, String key, String name, @Nullable String pmName, ProjectStatus status,
                         @Nullable LocalDate startDate, @Nullable LocalDate goLiveDate, @Nullable String programName) {
}
