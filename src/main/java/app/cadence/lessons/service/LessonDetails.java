package app.cadence.lessons.service;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonSource;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateProposals.ProposalView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One lesson as its page shows it, with the change proposals raised from it.
 *
 * @param canPropose whether the reader may propose a template change from it (not a VIEWER, and
 *                   the lesson concerns a template)
 */
@NamedInterface("api")
public record LessonDetails(Long id, String title, String whatHappened, @Nullable String impact, @Nullable String recommendation,
                            LessonCategory category, List<String> tags, @Nullable Long templateId, @Nullable String templateName,
                            @Nullable TemplateKind templateKind, @Nullable UUID itemKey, @Nullable String itemTitle,
                            @Nullable Long projectId, @Nullable String projectLabel, LessonSource source, String recordedBy,
                            Instant recordedAt, boolean canPropose, List<ProposalView> proposals) {

    /** The in-app link of the lesson's page. */
    public static String link(Long lessonId) {
        return "/lessons/" + lessonId;
    }
}
