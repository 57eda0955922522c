package app.cadence.reporting.service;

import app.cadence.project.domain.Health;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/** A published report in a project's report history. */
@NamedInterface("api")
public record ReportRow(Long id, LocalDate asOf, String title, Health health, String healthReason, Instant publishedAt, String publishedBy) {
}
