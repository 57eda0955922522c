package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A condition set on going ahead — the comment of one approver's GO WITH CONDITIONS vote — which
 * the run follows up until it is met. Immutable: each change returns the new condition with its
 * log entry.
 * <ul>
 *   <li>A decision sets conditions only when it is taken as Go with conditions (a no-go overruled
 *       included); the conditions of a decision that stays a no-go are moot, the run does not go ahead.</li>
 *   <li>Whoever runs the run (the run lead, a project manager) or the approver who set it marks it
 *       met, with an optional note, or reopens it, with the reason — the approver because they
 *       know what they asked for, the people running the run because they answer for it.</li>
 *   <li>Reopening needs a reason, as taking a step back does: the change board will ask why.</li>
 * </ul>
 *
 * @param changedBy who last marked it met or reopened it; null while it is as the vote set it
 * @param note      the note given when it was marked met, or the reason it was reopened
 */
public record DecisionCondition(UUID stepKey, String decisionTitle, Actor approver, String text, Instant setAt, ConditionState state,
                                @Nullable Actor changedBy, @Nullable Instant changedAt, @Nullable String note) {

    /** Longest quote of the condition in a log line; the whole text is on the decision. */
    private static final int QUOTED = 120;

    public DecisionCondition {
        if ((changedBy == null) != (changedAt == null) || state == ConditionState.MET && changedBy == null) {
            throw new IllegalArgumentException("A condition has who and when it changed exactly when it was marked met or reopened");
        }
    }

    /** The conditions a decision asks to follow up, all open: none unless it was taken as Go with conditions. */
    public static List<DecisionCondition> of(GoNoGoDecision decision) {
        if (decision.outcome() != Verdict.GO_WITH_CONDITIONS) {
            return List.of();
        }
        return decision.conditions().stream().map(v -> new DecisionCondition(decision.stepKey(), decision.title(), v.approver(),
                String.valueOf(v.comment()), v.at(), ConditionState.OPEN, null, null, null)).toList();
    }

    public boolean isMet() {
        return state == ConditionState.MET;
    }

    /** The same condition as it was last recorded. */
    public DecisionCondition as(ConditionState state, Actor changedBy, Instant changedAt, @Nullable String note) {
        return new DecisionCondition(stepKey, decisionTitle, approver, text, setAt, state, changedBy, changedAt, note);
    }

    /**
     * @param runsTheRun {@code by} is the run lead or a project manager
     */
    public boolean mayBeChangedBy(Actor by, boolean runsTheRun) {
        return runsTheRun || by.is(approver);
    }

    public Logged<DecisionCondition> markMet(Actor by, boolean runsTheRun, Instant at, @Nullable String note) {
        checkMayChange(by, runsTheRun, "mark it met");
        if (isMet()) {
            throw new CutoverRuleException(approver.name() + "'s condition on “" + decisionTitle + "” was already marked met by "
                    + Objects.requireNonNull(changedBy).name() + ".");
        }
        String text = Reasons.optional(note);
        return Logged.of(as(ConditionState.MET, by, at, text),
                new RunLogEntry(at, by, "Condition met on “" + decisionTitle + "”: " + quoted(), stepKey, text, false));
    }

    public Logged<DecisionCondition> reopen(Actor by, boolean runsTheRun, Instant at, @Nullable String reason) {
        checkMayChange(by, runsTheRun, "reopen it");
        if (!isMet()) {
            throw new CutoverRuleException(approver.name() + "'s condition on “" + decisionTitle + "” is open; there is nothing to reopen.");
        }
        String why = Reasons.required(reason, "Say why the condition is no longer met: the run log and the report show it.");
        return Logged.of(as(ConditionState.OPEN, by, at, why),
                new RunLogEntry(at, by, "Condition reopened on “" + decisionTitle + "”: " + quoted(), stepKey, why, false));
    }

    private void checkMayChange(Actor by, boolean runsTheRun, String what) {
        if (!mayBeChangedBy(by, runsTheRun)) {
            throw new CutoverRuleException("Only the run lead, a project manager or " + approver.name() + ", who set this condition, can "
                    + what + ".");
        }
    }

    private String quoted() {
        String single = text.replaceAll("\\s+", " ");
        return "“" + (single.length() > QUOTED ? single.substring(0, QUOTED - 1) + "…" : single) + "” (" + approver.name() + ")";
    }
}
