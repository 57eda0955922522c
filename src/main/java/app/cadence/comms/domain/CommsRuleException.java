package app.cadence.comms.domain;

import app.cadence.shared.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/** A rule of communications the request breaks, said for the person who made it. */
public class CommsRuleException extends RuleViolationException {

    public CommsRuleException(String message) {
        super(null, message);
    }

    public CommsRuleException(@Nullable String field, String message) {
        super(field, message);
    }
}
