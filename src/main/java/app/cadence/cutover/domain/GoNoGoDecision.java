package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The decision a GO_NO_GO step opens: its required approvers vote GO, GO WITH CONDITIONS or
 * NO-GO, and the decision is taken the moment the last of them votes.
 * <ul>
 *   <li>Any NO-GO makes it NO-GO; otherwise any GO WITH CONDITIONS makes it that, with every
 *       approver's conditions listed; otherwise GO.</li>
 *   <li>Only required approvers vote. An approver may change their vote until the decision is
 *       taken; after that the votes are final, because the decision was signed on them (a later
 *       change of mind is a new note in the log, not a rewrite of the record).</li>
 *   <li>The run lead may overrule a NO-GO, with a reason: the outcome becomes what it would have
 *       been without the NO-GO votes (GO, or GO WITH CONDITIONS if any were given), and the
 *       decision stays marked as overruled.</li>
 * </ul>
 * Immutable: each change returns the new decision with its log entries.
 */
public record GoNoGoDecision(UUID stepKey, String title, Actor runLead, List<Actor> approvers, List<Vote> votes,
                             @Nullable Instant takenAt, @Nullable Overrule overrule) {

    public GoNoGoDecision {
        approvers = List.copyOf(approvers);
        votes = List.copyOf(votes);
        if (approvers.isEmpty()) {
            throw new CutoverRuleException("A go/no-go decision needs at least one approver: choose who must vote.");
        }
        for (int i = 0; i < approvers.size(); i++) {
            for (int j = i + 1; j < approvers.size(); j++) {
                if (approvers.get(i).is(approvers.get(j))) {
                    throw new IllegalArgumentException(approvers.get(i).name() + " is an approver twice");
                }
            }
        }
    }

    /** Opens the decision of a go/no-go step, nobody having voted. */
    public static GoNoGoDecision open(UUID stepKey, String title, Actor runLead, Collection<Actor> approvers) {
        return new GoNoGoDecision(stepKey, title, runLead, List.copyOf(approvers), List.of(), null, null);
    }

    public boolean isTaken() {
        return takenAt != null;
    }

    public boolean isOverruled() {
        return overrule != null;
    }

    /** The approvers who have not voted yet, in the order they were named. */
    public List<Actor> awaiting() {
        return approvers.stream().filter(a -> voteOf(a) == null).toList();
    }

    public @Nullable Vote voteOf(Actor approver) {
        return votes.stream().filter(v -> v.approver().is(approver)).findFirst().orElse(null);
    }

    /** The outcome once taken (after any overrule); null while votes are awaited. */
    public @Nullable Verdict outcome() {
        if (!isTaken()) {
            return null;
        }
        boolean noGo = votes.stream().anyMatch(v -> v.verdict() == Verdict.NO_GO);
        if (noGo && overrule == null) {
            return Verdict.NO_GO;
        }
        return conditions().isEmpty() ? Verdict.GO : Verdict.GO_WITH_CONDITIONS;
    }

    /** The votes that set conditions, in voting order: the conditions to list and follow up. */
    public List<Vote> conditions() {
        return votes.stream().filter(v -> v.verdict() == Verdict.GO_WITH_CONDITIONS).toList();
    }

    public Logged<GoNoGoDecision> vote(Actor voter, Verdict verdict, @Nullable String comment, Instant at) {
        Actor approver = approvers.stream().filter(a -> a.is(voter)).findFirst().orElseThrow(() -> new CutoverRuleException(
                "Only the approvers of “" + title + "” vote on it; ask the run lead to add you as an approver."));
        if (isTaken()) {
            throw new CutoverRuleException("The decision on “" + title + "” was taken; the votes are final. Add a note to the run log instead.");
        }
        String text = switch (verdict) {
            case GO -> Reasons.optional(comment);
            case GO_WITH_CONDITIONS -> Reasons.required(comment, "Say what the conditions are for going ahead.");
            case NO_GO -> Reasons.required(comment, "Say why it is a no-go, so that it can be put right.");
        };
        Vote previous = voteOf(approver);
        List<Vote> next = new ArrayList<>(votes);
        next.removeIf(v -> v.approver().is(approver));
        next.add(new Vote(approver, verdict, text, at));
        boolean allVoted = approvers.stream().allMatch(a -> next.stream().anyMatch(v -> v.approver().is(a)));
        GoNoGoDecision after = new GoNoGoDecision(stepKey, title, runLead, approvers, next, allVoted ? at : null, null);
        List<RunLogEntry> log = new ArrayList<>();
        log.add(new RunLogEntry(at, voter, (previous == null ? "Voted " : "Changed vote from " + previous.verdict().label() + " to ")
                + verdict.label() + " on “" + title + "”", stepKey, text, false));
        if (allVoted) {
            log.add(new RunLogEntry(at, voter, "Decision on “" + title + "”: " + after.outcome().label(), stepKey, null, false));
        }
        return new Logged<>(after, log);
    }

    public Logged<GoNoGoDecision> overrule(Actor by, @Nullable String reason, Instant at) {
        if (!by.is(runLead)) {
            throw new CutoverRuleException("Only the run lead, " + runLead.name() + ", can overrule a no-go.");
        }
        if (outcome() != Verdict.NO_GO) {
            throw new CutoverRuleException(isTaken() ? "The decision on “" + title + "” is not a no-go; there is nothing to overrule."
                    : "The decision on “" + title + "” is not taken yet; wait for every approver's vote.");
        }
        String why = Reasons.required(reason, "Say why the run goes ahead against the no-go: the change board will read it.");
        GoNoGoDecision after = new GoNoGoDecision(stepKey, title, runLead, approvers, votes, takenAt, new Overrule(by, why, at));
        return Logged.of(after, new RunLogEntry(at, by, "Overruled the no-go on “" + title + "”: " + after.outcome().label(), stepKey, why, true));
    }
}
