package app.cadence.cutover.domain;

import org.jspecify.annotations.Nullable;

/** The free texts people give for what they do: required ones must say something. */
final class Reasons {

    /** A reason is a note, not an essay: the log and the report print it on a line or two. */
    static final int MAX_LENGTH = 2_000;

    private Reasons() {
    }

    static String required(@Nullable String text, String whenMissing) {
        String trimmed = optional(text);
        if (trimmed == null) {
            throw new CutoverRuleException(whenMissing);
        }
        return trimmed;
    }

    static @Nullable String optional(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new CutoverRuleException("Keep it to " + MAX_LENGTH + " characters; attach longer notes as evidence.");
        }
        return trimmed;
    }
}
