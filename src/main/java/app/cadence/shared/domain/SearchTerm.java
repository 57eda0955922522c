package app.cadence.shared.domain;

import java.util.Locale;

/** What a user typed into a search box, ready for a case-insensitive SQL LIKE with escape '!'. */
public record SearchTerm(String text) {

    public SearchTerm {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** {@code %text%} with LIKE's wildcards taken literally: use with {@code like :p escape '!'}. */
    public String containsPattern() {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
