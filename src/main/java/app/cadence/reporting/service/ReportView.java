package app.cadence.reporting.service;

import app.cadence.project.domain.Health;
import app.cadence.reporting.domain.ReportState;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A status report as a screen shows it. For a draft, the health, its reason and the sections are
 * the live ones at the moment it was read; for a published report, the frozen ones.
 *
 * @param markdown the whole report (title, headline, narrative, sections) as Markdown
 */
@NamedInterface("api")
public record ReportView(Long id, long version, Long projectId, ReportState state, LocalDate asOf, String title, Health health,
                         String healthReason, String narrative, String sections, String markdown, String updatedBy, Instant updatedAt,
                         @Nullable String publishedBy, @Nullable Instant publishedAt) {

    public boolean published() {
        return state == ReportState.PUBLISHED;
    }
}
