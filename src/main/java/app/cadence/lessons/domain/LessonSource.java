package app.cadence.lessons.domain;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Where a lesson came from: a retrospective's card, group or action, or {@link #MANUAL} for one
 * entered directly on /lessons. The module it came from hands it in as plain values — this module
 * knows no retrospective — with the in-app route back to it.
 *
 * @param kind  {@link #RETRO_CARD}, {@link #RETRO_GROUP}, {@link #RETRO_ACTION} or {@link #MANUAL}
 * @param id    the card's, group's or action's id in its own module; none for a manual lesson
 * @param label what people call it, e.g. "Card “Data load ran 3 hours over”" (shown on the lesson)
 * @param link  the in-app route back to it, starting with "/", e.g. "/retros/12?card=40"; none for a manual lesson
 */
@NamedInterface("api")
public record LessonSource(String kind, @Nullable Long id, String label, @Nullable String link) {

    public static final String RETRO_CARD = "RETRO_CARD";
    public static final String RETRO_GROUP = "RETRO_GROUP";
    public static final String RETRO_ACTION = "RETRO_ACTION";
    public static final String MANUAL = "MANUAL";
    public static final Set<String> KINDS = Set.of(RETRO_CARD, RETRO_GROUP, RETRO_ACTION, MANUAL);
    public static final int LABEL_MAX = 200;
    public static final int LINK_MAX = 300;

    public LessonSource {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("Unknown lesson source " + kind + "; one of " + KINDS);
        }
        label = label == null || label.isBlank() ? "Entered on the lessons page" : label.strip();
        if (label.length() > LABEL_MAX) {
            label = label.substring(0, LABEL_MAX - 1) + "…";
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > LINK_MAX
                || link.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\\'))) {
            throw new IllegalArgumentException("A lesson's source link is an in-app path starting with one /: " + link);
        }
    }

    /** A lesson entered directly on /lessons. */
    public static LessonSource manual() {
        return new LessonSource(MANUAL, null, "Entered on the lessons page", null);
    }

    public static LessonSource retroCard(Long cardId, String label, String link) {
        return new LessonSource(RETRO_CARD, cardId, label, link);
    }

    public static LessonSource retroGroup(Long groupId, String label, String link) {
        return new LessonSource(RETRO_GROUP, groupId, label, link);
    }

    public static LessonSource retroAction(Long actionId, String label, String link) {
        return new LessonSource(RETRO_ACTION, actionId, label, link);
    }

    /** "Retrospective card", "Manual" …: the kind as people read it. */
    public String kindLabel() {
        return kindLabel(kind);
    }

    public static String kindLabel(String kind) {
        return switch (kind) {
            case RETRO_CARD -> "Retrospective card";
            case RETRO_GROUP -> "Retrospective group";
            case RETRO_ACTION -> "Retrospective action";
            case MANUAL -> "Entered directly";
            default -> kind;
        };
    }
}
