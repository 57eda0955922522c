package app.cadence.retro.domain;

import app.cadence.shared.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/** A rule of a retrospective session refused a change; the message says why, for the person who tried. */
public class RetroRuleException extends RuleViolationException {

    public RetroRuleException(String message) {
        this(null, message);
    }

    public RetroRuleException(@Nullable String field, String message) {
        super(field, message);
    }
}
