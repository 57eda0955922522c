package app.cadence.lessons.service;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.template.domain.TemplateKind;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The /lessons page's search and filters, each optional. Dates are days in the organisation's
 * time zone, both included.
 */
@NamedInterface("api")
public record LessonFilter(String search, @Nullable Long templateId, @Nullable TemplateKind templateKind,
                           @Nullable LessonCategory category, @Nullable String tag, @Nullable Long projectId,
                           @Nullable LocalDate from, @Nullable LocalDate to) {

    public LessonFilter {
        search = search == null ? "" : search;
        tag = tag == null || tag.isBlank() ? null : tag;
    }

    public static LessonFilter none() {
        return new LessonFilter("", null, null, null, null, null, null, null);
    }

    public LessonFilter search(String text) {
        return new LessonFilter(text, templateId, templateKind, category, tag, projectId, from, to);
    }

    public LessonFilter template(@Nullable Long id) {
        return new LessonFilter(search, id, templateKind, category, tag, projectId, from, to);
    }

    public LessonFilter kind(@Nullable TemplateKind kind) {
        return new LessonFilter(search, templateId, kind, category, tag, projectId, from, to);
    }

    public LessonFilter category(@Nullable LessonCategory value) {
        return new LessonFilter(search, templateId, templateKind, value, tag, projectId, from, to);
    }

    public LessonFilter tag(@Nullable String value) {
        return new LessonFilter(search, templateId, templateKind, category, value, projectId, from, to);
    }

    public LessonFilter project(@Nullable Long id) {
        return new LessonFilter(search, templateId, templateKind, category, tag, id, from, to);
    }

    public LessonFilter between(@Nullable LocalDate first, @Nullable LocalDate last) {
        return new LessonFilter(search, templateId, templateKind, category, tag, projectId, first, last);
    }
}
