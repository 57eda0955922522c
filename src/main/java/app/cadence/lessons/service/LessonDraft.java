package app.cadence.lessons.service;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonSource;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A lesson to record, or the prefill of {@code RecordLessonDialog}: e.g. from a retrospective card
 * <pre>{@code
 * LessonDraft.from(LessonSource.retroCard(card.id(), "Card “Data load overran”", "/retros/12?card=40"))
 *         .forProject(projectId)
 *         .aboutTemplate(templateId, itemKey)
 *         .withText("Rehearse the data load with production volumes", card.text())
 * }</pre>
 */
@NamedInterface("api")
public record LessonDraft(String title, String whatHappened, @Nullable String impact, @Nullable String recommendation,
                          @Nullable LessonCategory category, List<String> tags, @Nullable Long templateId, @Nullable UUID itemKey,
                          @Nullable Long projectId, LessonSource source) {

    public LessonDraft {
        title = title == null ? "" : title;
        whatHappened = whatHappened == null ? "" : whatHappened;
        tags = tags == null ? List.of() : List.copyOf(tags);
        source = source == null ? LessonSource.manual() : source;
    }

    /** An empty lesson from this source. */
    public static LessonDraft from(LessonSource source) {
        return new LessonDraft("", "", null, null, null, List.of(), null, null, null, source);
    }

    /** An empty lesson entered directly on /lessons. */
    public static LessonDraft manual() {
        return from(LessonSource.manual());
    }

    public LessonDraft withText(String newTitle, String newWhatHappened) {
        return new LessonDraft(newTitle, newWhatHappened, impact, recommendation, category, tags, templateId, itemKey, projectId, source);
    }

    public LessonDraft withImpact(@Nullable String text) {
        return new LessonDraft(title, whatHappened, text, recommendation, category, tags, templateId, itemKey, projectId, source);
    }

    public LessonDraft withRecommendation(@Nullable String text) {
        return new LessonDraft(title, whatHappened, impact, text, category, tags, templateId, itemKey, projectId, source);
    }

    public LessonDraft inCategory(@Nullable LessonCategory newCategory) {
        return new LessonDraft(title, whatHappened, impact, recommendation, newCategory, tags, templateId, itemKey, projectId, source);
    }

    public LessonDraft withTags(List<String> newTags) {
        return new LessonDraft(title, whatHappened, impact, recommendation, category, newTags, templateId, itemKey, projectId, source);
    }

    /** The template it concerns and optionally one of its items (by the item's stable key). */
    public LessonDraft aboutTemplate(@Nullable Long newTemplateId, @Nullable UUID newItemKey) {
        return new LessonDraft(title, whatHappened, impact, recommendation, category, tags, newTemplateId, newItemKey, projectId, source);
    }

    public LessonDraft forProject(@Nullable Long newProjectId) {
        return new LessonDraft(title, whatHappened, impact, recommendation, category, tags, templateId, itemKey, newProjectId, source);
    }
}
