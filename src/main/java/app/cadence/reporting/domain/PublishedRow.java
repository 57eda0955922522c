package app.cadence.reporting.domain;

import app.cadence.project.domain.Health;
import java.time.Instant;
import java.time.LocalDate;

/** A published report in the history's list: everything but its texts and its PDF. */
public record PublishedRow(Long id, Long projectId, LocalDate asOf, String title, Health health, String healthReason, Instant publishedAt,
                           String publishedBy) {
}
