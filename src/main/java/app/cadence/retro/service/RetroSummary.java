package app.cadence.retro.service;

import app.cadence.retro.domain.RetroBoard.RatingView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a retrospective came to: its ratings, its top themes (the most-voted topics with their
 * notes) and its actions. Made from the board as the reader sees it, so it names no author of an
 * anonymous card; it names no author of any card, in fact — a summary is about themes.
 */
public record RetroSummary(String title, String projectKey, String projectName, String format, String facilitator,
                           List<RatingView> ratings, List<TopicView> themes, List<ActionRow> actions, LocalDate madeOn) {

    /** The themes a summary leads with. */
    public static final int TOP_THEMES = 5;

    public RetroSummary {
        ratings = List.copyOf(ratings);
        themes = List.copyOf(themes);
        actions = List.copyOf(actions);
    }

    static RetroSummary of(RetroScreen screen, LocalDate today) {
        List<TopicView> themes = screen.board().topics().stream()
                .sorted(Comparator.comparing((TopicView t) -> -Objects.requireNonNullElse(t.votes(), 0))).limit(TOP_THEMES).toList();
        return new RetroSummary(screen.instanceName(), screen.projectKey(), screen.projectName(), screen.format(), screen.facilitatorName(),
                screen.board().ratingsRevealed() ? screen.board().ratings() : List.of(), themes, screen.actions(), today);
    }

    /** The summary as Markdown, for a wiki page or an e-mail. Text from cards is escaped, so a card cannot inject markup. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(title)).append("\n\n");
        md.append(escape(projectKey + " " + projectName)).append(" · ").append(escape(format)).append(" · facilitated by ")
                .append(escape(facilitator)).append(" · ").append(madeOn).append("\n\n");
        md.append("## Ratings\n\n");
        if (ratings.isEmpty()) {
            md.append("No ratings were revealed.\n\n");
        }
        for (RatingView rating : ratings) {
            md.append("- **").append(escape(rating.question())).append("**: ")
                    .append(rating.average() == null ? "no answers" : String.format(java.util.Locale.ROOT, "%.1f of 5", rating.average()))
                    .append(" (").append(rating.answers()).append(rating.answers() == 1 ? " answer" : " answers");
            if (!rating.distribution().isEmpty()) {
                md.append("; 1–5: ").append(String.join(" / ", rating.distribution().stream().map(String::valueOf).toList()));
            }
            md.append(")\n");
        }
        md.append("\n## Top themes\n\n");
        if (themes.isEmpty()) {
            md.append("No cards were written.\n");
        }
        int n = 1;
        for (TopicView theme : themes) {
            md.append(n++).append(". **").append(escape(theme.title())).append("** — ").append(votes(theme)).append(", ")
                    .append(escape(theme.columnTitle())).append("\n");
            for (var card : theme.cards()) {
                md.append("   - ").append(escape(card.text()).replace("\n", " ")).append("\n");
            }
            if (theme.notes() != null) {
                md.append("   - *Notes:* ").append(escape(theme.notes()).replace("\n", " ")).append("\n");
            }
        }
        md.append("\n## Actions\n\n");
        if (actions.isEmpty()) {
            md.append("No actions were agreed.\n");
        } else {
            md.append("| Action | Owner | Due | Status |\n|---|---|---|---|\n");
            for (ActionRow action : actions) {
                md.append("| ").append(cell(action.title())).append(" | ").append(cell(action.ownerName())).append(" | ")
                        .append(action.dueOn() == null ? "—" : action.dueOn().toString()).append(" | ").append(action.status().label())
                        .append(action.reason() == null ? "" : ": " + cell(action.reason())).append(" |\n");
            }
        }
        return md.toString();
    }

    public static String votes(TopicView theme) {
        int v = Objects.requireNonNullElse(theme.votes(), 0);
        return v + (v == 1 ? " vote" : " votes");
    }

    /** Backslash-escapes Markdown's punctuation: a card reading "**x**" or "<script>" shows as typed. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String cell(String text) {
        return escape(text).replace("\n", " ");
    }
}
