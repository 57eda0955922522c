package app.cadence.template.domain;

import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A retrospective board column with the prompt that invites cards ("What should we start
 * doing?"), or — when {@code rating} — a question rated 1 to 5 (post-implementation reviews).
 */
@NamedInterface("api")
public record RetroPrompt(UUID key, String title, @Nullable String prompt, boolean rating) implements TemplateItem {

    @Override
    public LinkedHashMap<String, String> fields() {
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("Title", title);
        f.put("Prompt", CutoverStep.text(prompt));
        f.put("Kind", rating ? "Rating question (1–5)" : "Board column");
        return f;
    }
}
