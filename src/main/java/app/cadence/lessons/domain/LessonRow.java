package app.cadence.lessons.domain;

import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A lesson as the library's list shows it: one row, read in the statement that pages the list. */
@NamedInterface("api")
public record LessonRow(Long id, String title, LessonCategory category, List<String> tags, @Nullable Long templateId,
                        @Nullable String templateName, @Nullable TemplateKind templateKind, @Nullable Long projectId,
                        @Nullable String projectLabel, String sourceKind, String sourceLabel, String recordedBy, Instant recordedAt) {

    /** The constructor JPQL calls, with the tags in their stored form. */
    public LessonRow(Long id, String title, LessonCategory category, String storedTags, @Nullable Long templateId,
                     @Nullable String templateName, @Nullable TemplateKind templateKind, @Nullable Long projectId,
                     @Nullable String projectLabel, String sourceKind, String sourceLabel, String recordedBy, Instant recordedAt) {
        this(id, title, category, Tags.fromStored(storedTags), templateId, templateName, templateKind, projectId, projectLabel,
                sourceKind, sourceLabel, recordedBy, recordedAt);
    }
}
