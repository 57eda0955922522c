package app.cadence.cutover.service;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.GoNoGoDecision;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StoredDecision;
import app.cadence.cutover.domain.StoredDecisionRepository;
import app.cadence.cutover.domain.StoredVote;
import app.cadence.cutover.domain.StoredVoteRepository;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.domain.Vote;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.StepType;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Go/no-go decisions of a run. Each GO_NO_GO step has its required approvers — by default the
 * members holding the step's owner role in the roster, changeable by whoever runs the run until
 * the decision is taken. The first vote starts the step; the last one takes the decision: GO (or
 * GO WITH CONDITIONS) finishes the step with the votes as its evidence, NO-GO fails it, and the
 * run lead then holds the run, invokes rollback, or overrules with a reason.
 */
@Service
@NamedInterface("api")
@Transactional
@RolesAllowed(RoleSets.MEMBERS)
public class GoNoGoVoting {

    private final RunStore store;
    private final StoredDecisionRepository decisions;
    private final StoredVoteRepository votes;
    private final MembershipDirectory members;

    GoNoGoVoting(RunStore store, StoredDecisionRepository decisions, StoredVoteRepository votes, MembershipDirectory members) {
        this.store = store;
        this.decisions = decisions;
        this.votes = votes;
        this.members = members;
    }

    /** Names the approvers who must vote on a go/no-go step, replacing those named before (their votes are kept). */
    public void setApprovers(Long runId, UUID stepKey, Collection<Long> userIds) {
        RunStore.LoadedRun run = store.lock(runId);
        RunAccess.requireMayRun(run.stored(), "choose the approvers");
        if (run.stored().run().isReadOnly()) {
            throw new CutoverRuleException(run.stored().run().name() + " has ended; a finished run is read-only.");
        }
        checkGoNoGo(run, stepKey);
        Map<Long, MemberSummary> byId = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, m -> m));
        List<Long> chosen = List.copyOf(new LinkedHashSet<>(userIds));
        for (Long userId : chosen) {
            MemberSummary member = byId.get(userId);
            if (member == null || member.role() == Role.VIEWER) {
                throw new RuleViolationException("approvers", (member == null ? "Only active members" : member.displayName() + " is a viewer; only members")
                        + " who take part in the run can approve.");
            }
        }
        if (chosen.isEmpty()) {
            throw new RuleViolationException("approvers", "Choose at least one approver: a go/no-go needs someone to decide.");
        }
        Current current = current(run, stepKey);
        if (current != null && current.decision().isTaken()) {
            throw new CutoverRuleException("The decision on “" + current.decision().title() + "” was taken; its approvers stay as they voted.");
        }
        replaceApprovers(run, stepKey, chosen, byId, current);
        store.log(run.id(), List.of(new RunLogEntry(store.now(), RunStore.me(), "Approvers of “" + title(run, stepKey) + "”: "
                + chosen.stream().map(id -> byId.get(id).displayName()).collect(Collectors.joining(", ")), stepKey, null, false)));
        store.announce(run.stored(), "APPROVERS_CHANGED", List.of(stepKey), List.of());
    }

    /** The roster changed a role: its go/no-go steps without a vote yet take its holders as approvers. */
    void followRoster(RunStore.LoadedRun run, String role, List<Long> holders, Map<Long, MemberSummary> byId) {
        for (RunPlan.StepInfo info : run.plan().steps().values()) {
            if (info.step().type() != StepType.GO_NO_GO || !role.equalsIgnoreCase(String.valueOf(run.plan().ownerRole(info.key())))) {
                continue;
            }
            Current current = current(run, info.key());
            if (current != null && !current.decision().votes().isEmpty()) {
                continue;
            }
            if (holders.isEmpty()) {
                if (current != null) {
                    decisions.deleteVotes(TenantContext.requireTenantId(), Objects.requireNonNull(current.stored().getId()));
                    decisions.delete(current.stored());
                }
                continue;
            }
            replaceApprovers(run, info.key(), holders, byId, current);
        }
    }

    public void vote(Long runId, UUID stepKey, Verdict verdict, @Nullable String comment) {
        RunStore.LoadedRun run = store.lock(runId);
        checkGoNoGo(run, stepKey);
        Current current = current(run, stepKey);
        if (current == null) {
            throw new CutoverRuleException("Nobody has been named to approve “" + title(run, stepKey) + "” yet; ask the run lead.");
        }
        Actor me = RunStore.me();
        List<RunLogEntry> log = new ArrayList<>();
        RunSteps steps = run.steps();
        if (steps.state(stepKey).isOpen()) {
            run.stored().run().checkStepsCanStart();
            if (steps.state(stepKey) == StepState.WAITING) {
                throw new CutoverRuleException("“" + title(run, stepKey) + "” is waiting for the steps before it; vote once it is ready.");
            }
        } else {
            run.stored().run().checkStepsCanBeRecorded();
        }
        Logged<GoNoGoDecision> voted = current.decision().vote(me, verdict, comment, store.now());
        if (steps.state(stepKey) == StepState.READY) {
            Logged<RunSteps> started = steps.start(stepKey, me, store.now(), null);
            steps = started.value();
            log.addAll(started.entries());
        }
        log.addAll(voted.entries());
        Vote cast = Objects.requireNonNull(voted.value().voteOf(me));
        current.rows().stream().filter(r -> r.approver().is(me)).findFirst().orElseThrow().store(cast);
        current.stored().store(voted.value());
        steps = settle(run, voted.value(), steps, log);
        finish(run, steps, log, "VOTE_CAST", stepKey);
    }

    /** The run lead goes ahead against a no-go, with a reason: the step is done after all, and the overrule is in the report. */
    public void overrule(Long runId, UUID stepKey, @Nullable String reason) {
        RunStore.LoadedRun run = store.lock(runId);
        run.stored().run().checkStepsCanBeRecorded();
        Current current = current(run, stepKey);
        if (current == null) {
            throw new CutoverRuleException("“" + title(run, stepKey) + "” has no decision to overrule.");
        }
        Logged<GoNoGoDecision> overruled = current.decision().overrule(RunStore.me(), reason, store.now());
        current.stored().store(overruled.value());
        List<RunLogEntry> log = new ArrayList<>(overruled.entries());
        RunSteps steps = run.steps();
        if (steps.state(stepKey) == StepState.FAILED) {
            Logged<RunSteps> back = steps.backToInProgress(stepKey, RunStore.me(), store.now(), "No-go overruled by the run lead");
            steps = back.value();
            log.addAll(back.entries());
        }
        steps = settle(run, overruled.value(), steps, log);
        finish(run, steps, log, "NO_GO_OVERRULED", stepKey);
    }

    /** A decision taken moves its step: done on GO (the votes as evidence), failed on NO-GO. */
    private RunSteps settle(RunStore.LoadedRun run, GoNoGoDecision decision, RunSteps steps, List<RunLogEntry> log) {
        Verdict outcome = decision.outcome();
        if (outcome == null || steps.state(decision.stepKey()) != StepState.IN_PROGRESS) {
            return steps;
        }
        Actor me = RunStore.me();
        Logged<RunSteps> settled = outcome == Verdict.NO_GO
                ? steps.fail(decision.stepKey(), me, store.now(), "No-go: " + summary(decision))
                : steps.complete(decision.stepKey(), me, store.now(), "Decision " + outcome.label() + ": " + summary(decision), null);
        log.addAll(settled.entries());
        return settled.value();
    }

    private void finish(RunStore.LoadedRun run, RunSteps steps, List<RunLogEntry> log, String change, UUID stepKey) {
        List<UUID> changed = store.saveSteps(run, steps);
        store.log(run.id(), log);
        List<UUID> keys = new ArrayList<>(changed);
        if (!keys.contains(stepKey)) {
            keys.add(stepKey);
        }
        store.announce(run.stored(), change, keys, RunStepWork.ready(run, steps.newlyReady(run.steps())));
    }

    /** Each approver's vote and comment, short enough to be a step's evidence. */
    static String summary(GoNoGoDecision decision) {
        String text = decision.votes().stream()
                .map(v -> v.approver().name() + " " + v.verdict().label() + (v.comment() == null ? "" : " (" + v.comment() + ")"))
                .collect(Collectors.joining("; "));
        return text.length() > 1500 ? text.substring(0, 1499) + "…" : text;
    }

    /** A decision as stored, with its approvers' rows. */
    record Current(StoredDecision stored, List<StoredVote> rows, GoNoGoDecision decision) {
    }

    @Nullable Current current(RunStore.LoadedRun run, UUID stepKey) {
        Long tenantId = TenantContext.requireTenantId();
        return decisions.findByStep(tenantId, run.id(), stepKey).map(d -> {
            List<StoredVote> rows = decisions.votesOf(tenantId, List.of(Objects.requireNonNull(d.getId())));
            return new Current(d, rows, d.decision(lead(run), rows));
        }).orElse(null);
    }

    private Actor lead(RunStore.LoadedRun run) {
        Long leadId = run.stored().getLeadUserId();
        String name = leadId == null ? "the run lead" : members.activeMembers(List.of(leadId)).stream().map(MemberSummary::displayName)
                .findFirst().orElse("the run lead");
        return new Actor(leadId, name);
    }

    private void replaceApprovers(RunStore.LoadedRun run, UUID stepKey, List<Long> approvers, Map<Long, MemberSummary> byId,
                                  @Nullable Current current) {
        StoredDecision decision = current != null ? current.stored()
                : decisions.save(new StoredDecision(run.id(), GoNoGoDecision.open(stepKey, title(run, stepKey), lead(run),
                approvers.stream().map(id -> new Actor(id, byId.get(id).displayName())).toList()), store.now()));
        List<StoredVote> kept = current == null ? List.of() : current.rows();
        for (StoredVote row : kept) {
            if (!approvers.contains(row.approver().accountId())) {
                votes.delete(row);
            }
        }
        for (Long id : approvers) {
            if (kept.stream().noneMatch(r -> r.approver().accountId() == id)) {
                votes.save(new StoredVote(Objects.requireNonNull(decision.getId()), new Actor(id, byId.get(id).displayName())));
            }
        }
    }

    private static void checkGoNoGo(RunStore.LoadedRun run, UUID stepKey) {
        if (!run.plan().runbook().contains(stepKey) || run.plan().step(stepKey).step().type() != StepType.GO_NO_GO) {
            throw new CutoverRuleException("Only a go/no-go checkpoint has approvers and votes.");
        }
    }

    private static String title(RunStore.LoadedRun run, UUID stepKey) {
        return run.plan().step(stepKey).step().title();
    }
}
