package app.cadence.retro.service;

import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.RetroSettings;
import app.cadence.template.domain.TemplateContent;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a session takes from its template version: the board's columns, the check-in's rating
 * questions (both {@link RetroPrompt}s, in template order), the format's name, vote budget and
 * whether cards are anonymous unless the facilitator says otherwise.
 */
public record RetroPlan(String format, int voteBudget, boolean anonymousByDefault, List<RetroPrompt> prompts) {

    /** Dots per person when a template does not say. */
    public static final int DEFAULT_VOTE_BUDGET = 3;

    public RetroPlan {
        prompts = List.copyOf(prompts);
    }

    static RetroPlan of(TemplateContent content) {
        RetroSettings settings = content.retro();
        List<RetroPrompt> prompts = content.items().filter(RetroPrompt.class::isInstance).map(RetroPrompt.class::cast).toList();
        return new RetroPlan(settings == null ? "Retrospective" : settings.format(),
                settings == null || settings.votingBudget() < 1 ? DEFAULT_VOTE_BUDGET : settings.votingBudget(),
                settings == null || settings.anonymousByDefault(), prompts);
    }

    public List<RetroPrompt> columns() {
        return prompts.stream().filter(p -> !p.rating()).toList();
    }

    public List<RetroPrompt> ratingQuestions() {
        return prompts.stream().filter(RetroPrompt::rating).toList();
    }

    public @Nullable RetroPrompt column(UUID key) {
        return columns().stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }

    public @Nullable RetroPrompt ratingQuestion(UUID key) {
        return ratingQuestions().stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }
}
