package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The states of every step of one run, and the only way to change them: each change checks the
 * rules, keeps Waiting and Ready true to the predecessors, and returns the log entry that records
 * it. Immutable: a change returns a new value.
 * <p>
 * The rules:
 * <ul>
 *   <li>A step is Ready when every predecessor is done or skipped; a failed predecessor holds it
 *       (see {@link StepState#FAILED}). Rollback steps wait until rollback is invoked; a forward
 *       step ignores predecessors in the rollback branch, which may never run.</li>
 *   <li>Starting (or finishing outright) a step that is still Waiting needs an override with a
 *       reason, recorded. Done may be recorded straight from Ready (start and finish at once, as
 *       for a milestone); evidence is required where the step says so.</li>
 *   <li>Skipping needs a reason; failing needs a reason and a step in progress.</li>
 *   <li>Undoing — back to In progress (keeps the actual start) or back to Ready (clears the
 *       actuals; Waiting instead if a predecessor has been reopened meanwhile) — needs a reason.
 *       Steps already started after it keep their state: the log says what really happened.</li>
 *   <li>Invoking rollback abandons every forward step not finished (in progress included), and
 *       makes the rollback branch ready: its steps wait only for each other, not for forward steps
 *       (the forward branch is over, whatever state it ended in — a failed backup must not block
 *       the restore team). After that, forward steps do not change.</li>
 * </ul>
 */
public final class RunSteps {

    private final Runbook runbook;
    private final StepProgress[] progress;
    private final @Nullable RollbackInvocation rollback;

    private RunSteps(Runbook runbook, StepProgress[] progress, @Nullable RollbackInvocation rollback) {
        this.runbook = runbook;
        this.progress = progress;
        this.rollback = rollback;
    }

    /** A new run: nothing started, the steps without predecessors ready. */
    public static RunSteps fresh(Runbook runbook) {
        return restore(runbook, List.of(), null);
    }

    /**
     * A run as stored. Steps without stored progress are not started; the Waiting/Ready of every
     * step not started is recomputed, so a stale stored value cannot survive.
     */
    public static RunSteps restore(Runbook runbook, Collection<StepProgress> stored, @Nullable RollbackInvocation rollback) {
        StepProgress[] progress = new StepProgress[runbook.size()];
        for (StepProgress p : stored) {
            progress[runbook.indexOf(p.key())] = p;
        }
        for (int i = 0; i < progress.length; i++) {
            if (progress[i] == null) {
                progress[i] = StepProgress.notStarted(runbook.at(i).key(), StepState.WAITING);
            }
        }
        RunSteps steps = new RunSteps(runbook, progress, rollback);
        for (int i = 0; i < progress.length; i++) {
            steps.refreshOpenState(i);
        }
        return steps;
    }

    public Runbook runbook() {
        return runbook;
    }

    public StepProgress progress(UUID key) {
        return progress[runbook.indexOf(key)];
    }

    public StepState state(UUID key) {
        return progress(key).state();
    }

    /** Every step's progress, in runbook order. */
    public List<StepProgress> all() {
        return List.of(progress);
    }

    public @Nullable RollbackInvocation rollback() {
        return rollback;
    }

    public boolean rollbackInvoked() {
        return rollback != null;
    }

    /** The steps that are Ready now but were not in {@code before}: whose owners to tell. */
    public List<UUID> newlyReady(RunSteps before) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < progress.length; i++) {
            if (progress[i].state() == StepState.READY && before.progress[i].state() != StepState.READY) {
                out.add(progress[i].key());
            }
        }
        return out;
    }

    /** The predecessors that hold a step: the ones not yet done or skipped (ignoring those that cannot hold it). */
    public List<RunbookStep> openPredecessors(UUID key) {
        int i = runbook.indexOf(key);
        List<RunbookStep> open = new ArrayList<>();
        for (int p : runbook.predecessorsOf(i)) {
            if (holds(i, p)) {
                open.add(runbook.at(p));
            }
        }
        return open;
    }

    public Logged<RunSteps> start(UUID key, Actor by, Instant at, @Nullable String overrideReason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        String override = checkCanBegin(i, "start", overrideReason);
        StepProgress next = progress[i].started(by, at);
        return Logged.of(with(i, next), new RunLogEntry(at, by, "Started “" + step.title() + "”", key, override, override != null));
    }

    public Logged<RunSteps> complete(UUID key, Actor by, Instant at, @Nullable String evidence, @Nullable String overrideReason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        String proof = Reasons.optional(evidence);
        if (step.evidenceRequired() && proof == null) {
            throw new CutoverRuleException("“" + step.title() + "” needs evidence: add a link or a note that shows it was done.");
        }
        String override = null;
        StepProgress current = progress[i];
        if (current.state() != StepState.IN_PROGRESS) {
            override = checkCanBegin(i, "mark as done", overrideReason);
            current = current.started(by, at);
        } else if (current.startedAt() != null && at.isBefore(current.startedAt())) {
            throw new CutoverRuleException("“" + step.title() + "” cannot be done before it started; check the time.");
        }
        StepProgress next = current.finished(StepState.DONE, by, at, proof, null);
        return Logged.of(with(i, next), new RunLogEntry(at, by, "Done “" + step.title() + "”" + (proof == null ? "" : " — evidence: " + proof),
                key, override, override != null));
    }

    public Logged<RunSteps> skip(UUID key, Actor by, Instant at, @Nullable String reason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        checkCanChange(i);
        StepState state = progress[i].state();
        if (step.rollback() && rollback == null) {
            throw new CutoverRuleException("“" + step.title() + "” is a rollback step: it can be skipped only once rollback is invoked.");
        }
        if (!state.isOpen() && state != StepState.IN_PROGRESS) {
            throw new CutoverRuleException("“" + step.title() + "” is " + state.label().toLowerCase() + "; only a step not finished can be skipped.");
        }
        String why = Reasons.required(reason, "Say why “" + step.title() + "” is skipped.");
        StepProgress next = progress[i].finished(StepState.SKIPPED, by, at, null, why);
        return Logged.of(with(i, next), new RunLogEntry(at, by, "Skipped “" + step.title() + "”", key, why, false));
    }

    public Logged<RunSteps> fail(UUID key, Actor by, Instant at, @Nullable String reason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        checkCanChange(i);
        if (progress[i].state() != StepState.IN_PROGRESS) {
            throw new CutoverRuleException("“" + step.title() + "” is " + progress[i].state().label().toLowerCase()
                    + "; only a step in progress can fail. Start it first, or skip it with a reason.");
        }
        String why = Reasons.required(reason, "Say what went wrong with “" + step.title() + "”.");
        StepProgress next = progress[i].finished(StepState.FAILED, by, at, null, why);
        return Logged.of(with(i, next), new RunLogEntry(at, by, "Failed “" + step.title() + "”", key, why, false));
    }

    /** Undoes a finish: done, skipped or failed goes back to in progress, keeping (or, if skipped unstarted, taking) an actual start. */
    public Logged<RunSteps> backToInProgress(UUID key, Actor by, Instant at, @Nullable String reason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        checkCanChange(i);
        StepProgress current = progress[i];
        if (current.finishedAt() == null) {
            throw new CutoverRuleException("“" + step.title() + "” is " + current.state().label().toLowerCase()
                    + "; only a done, skipped or failed step can go back to in progress.");
        }
        String why = Reasons.required(reason, "Say why “" + step.title() + "” goes back to in progress.");
        StepProgress next = current.startedAt() == null || current.startedBy() == null ? current.withOpenState(StepState.READY).started(by, at)
                : current.withOpenState(StepState.READY).started(current.startedBy(), current.startedAt());
        return Logged.of(with(i, next), new RunLogEntry(at, by, "Back to in progress “" + step.title() + "”", key, why, false));
    }

    /** Undoes a start: the step is not started again, its actual times cleared (Waiting if a predecessor is open now). */
    public Logged<RunSteps> backToReady(UUID key, Actor by, Instant at, @Nullable String reason) {
        int i = runbook.indexOf(key);
        RunbookStep step = runbook.at(i);
        checkCanChange(i);
        if (progress[i].state().isOpen()) {
            throw new CutoverRuleException("“" + step.title() + "” has not started; there is nothing to undo.");
        }
        String why = Reasons.required(reason, "Say why “" + step.title() + "” goes back to ready.");
        RunSteps after = with(i, progress[i].withOpenState(StepState.WAITING));
        after.refreshOpenState(i);
        return Logged.of(after, new RunLogEntry(at, by, "Back to " + after.progress[i].state().label().toLowerCase() + " “" + step.title() + "”",
                key, why, false));
    }

    public Logged<RunSteps> invokeRollback(Actor by, Instant at, @Nullable String reason) {
        if (rollback != null) {
            throw new CutoverRuleException("Rollback was already invoked by " + rollback.by().name() + "; the rollback steps are under way.");
        }
        String why = Reasons.required(reason, "Say why rollback is invoked: everyone on the run will read it.");
        StepProgress[] next = progress.clone();
        for (int i = 0; i < next.length; i++) {
            boolean finished = next[i].finishedAt() != null;
            if (!runbook.at(i).rollback() && !finished) {
                next[i] = next[i].abandoned();
            }
        }
        RunSteps after = new RunSteps(runbook, next, new RollbackInvocation(by, at, why));
        for (int i = 0; i < next.length; i++) {
            after.refreshOpenState(i);
        }
        return Logged.of(after, RunLogEntry.ofRun(at, by, "Rollback invoked", why));
    }

    /** Checks that a step may be started or finished outright; returns the override reason when one is needed. */
    private @Nullable String checkCanBegin(int i, String action, @Nullable String overrideReason) {
        RunbookStep step = runbook.at(i);
        checkCanChange(i);
        StepState state = progress[i].state();
        if (step.rollback() && rollback == null) {
            throw new CutoverRuleException("“" + step.title() + "” is a rollback step: it can " + action + " only once rollback is invoked.");
        }
        if (!state.isOpen()) {
            throw new CutoverRuleException("“" + step.title() + "” is already " + state.label().toLowerCase()
                    + (state == StepState.IN_PROGRESS ? "." : "; to redo it, first take it back with a reason."));
        }
        if (state == StepState.READY) {
            return null;
        }
        String waitingFor = openPredecessors(step.key()).stream().map(p -> "“" + p.title() + "”").collect(Collectors.joining(", "));
        return Reasons.required(overrideReason, "“" + step.title() + "” is waiting for " + waitingFor
                + ". To " + action + " it anyway, override with a reason.");
    }

    private void checkCanChange(int i) {
        RunbookStep step = runbook.at(i);
        if (progress[i].state() == StepState.ABANDONED) {
            throw new CutoverRuleException("“" + step.title() + "” was abandoned when rollback was invoked; it no longer changes.");
        }
        if (rollback != null && !step.rollback()) {
            throw new CutoverRuleException("Rollback has been invoked: “" + step.title() + "” and the other forward steps no longer change.");
        }
    }

    private RunSteps with(int i, StepProgress changed) {
        StepProgress[] next = progress.clone();
        next[i] = changed;
        RunSteps after = new RunSteps(runbook, next, rollback);
        for (int s : runbook.successorsOf(i)) {
            after.refreshOpenState(s);
        }
        return after;
    }

    /** Only ever called on a copy not yet handed out: the value stays immutable from outside. */
    private void refreshOpenState(int i) {
        StepProgress p = progress[i];
        if (!p.state().isOpen()) {
            return;
        }
        RunbookStep step = runbook.at(i);
        boolean ready;
        if (step.rollback()) {
            ready = rollback != null && Arrays.stream(runbook.predecessorsOf(i)).noneMatch(q -> holds(i, q));
        } else if (rollback != null) {
            progress[i] = p.abandoned();
            return;
        } else {
            ready = Arrays.stream(runbook.predecessorsOf(i)).noneMatch(q -> holds(i, q));
        }
        StepState state = ready ? StepState.READY : StepState.WAITING;
        if (state != p.state()) {
            progress[i] = p.withOpenState(state);
        }
    }

    /** Whether predecessor {@code p} keeps step {@code i} from being ready. */
    private boolean holds(int i, int p) {
        RunbookStep step = runbook.at(i);
        RunbookStep predecessor = runbook.at(p);
        StepState state = progress[p].state();
        if (!step.rollback() && predecessor.rollback()) {
            return false;
        }
        if (step.rollback() && !predecessor.rollback()) {
            return false; // rollback steps wait for the invocation; the forward branch is over once it comes
        }
        return !state.letsSuccessorsStart();
    }
}
