package app.cadence.shared.domain;

import org.jspecify.annotations.Nullable;

/**
 * A business rule the input breaks. {@code field} names the form field the message belongs to,
 * so the UI can show it next to that field; null when the rule concerns the whole record.
 */
public class RuleViolationException extends RuntimeException {

    private final @Nullable String field;

    public RuleViolationException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    public @Nullable String field() {
        return field;
    }
}
