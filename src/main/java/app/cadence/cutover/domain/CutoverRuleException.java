package app.cadence.cutover.domain;

import app.cadence.shared.domain.RuleViolationException;

/**
 * Something a run's rules do not allow — starting a step that is already done, voting when one
 * is not an approver. The message is a sentence for the person who tried, saying what to do
 * instead; {@code UserMessages} shows it as it is.
 */
public class CutoverRuleException extends RuleViolationException {

    public CutoverRuleException(String message) {
        super(null, message);
    }
}
