package app.cadence.template.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the template library. */
public record TemplateRow(Long id, TemplateKind kind, String name, @Nullable Integer latestPublished,
                          boolean draftPending, TemplateStatus status, String updatedBy, Instant updatedAt) {
}
