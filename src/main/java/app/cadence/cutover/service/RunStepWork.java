package app.cadence.cutover.service;

import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.events.RunChanged;
import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working the steps of a run: start, done (with evidence where required), skip, fail, and taking
 * a step back — each by its owner (the members holding its role in the roster) or by whoever runs
 * the run. Starting a step whose predecessors are not finished needs an override with a reason;
 * every change is in the run's log.
 */
@Service
@NamedInterface("api")
@Transactional
@RolesAllowed(RoleSets.MEMBERS)
public class RunStepWork {

    private final RunStore store;

    RunStepWork(RunStore store) {
        this.store = store;
    }

    public void start(Long runId, UUID stepKey, @Nullable String overrideReason) {
        change(runId, stepKey, true, "STEP_STARTED", steps -> steps.start(stepKey, RunStore.me(), store.now(), overrideReason));
    }

    public void complete(Long runId, UUID stepKey, @Nullable String evidence, @Nullable String overrideReason) {
        change(runId, stepKey, null, "STEP_DONE", steps -> steps.complete(stepKey, RunStore.me(), store.now(), evidence, overrideReason));
    }

    public void skip(Long runId, UUID stepKey, @Nullable String reason) {
        change(runId, stepKey, false, "STEP_SKIPPED", steps -> steps.skip(stepKey, RunStore.me(), store.now(), reason));
    }

    public void fail(Long runId, UUID stepKey, @Nullable String reason) {
        change(runId, stepKey, false, "STEP_FAILED", steps -> steps.fail(stepKey, RunStore.me(), store.now(), reason));
    }

    /** Takes a finished step back to in progress, or a started one back to ready; a reason is required. */
    public void takeBack(Long runId, UUID stepKey, StepState to, @Nullable String reason) {
        if (to != StepState.IN_PROGRESS && to != StepState.READY) {
            throw new CutoverRuleException("A step can be taken back to in progress or to ready.");
        }
        change(runId, stepKey, false, "STEP_TAKEN_BACK", steps -> to == StepState.IN_PROGRESS
                ? steps.backToInProgress(stepKey, RunStore.me(), store.now(), reason)
                : steps.backToReady(stepKey, RunStore.me(), store.now(), reason));
    }

    /**
     * @param starts whether the change starts the step (only while the run is running); null when it
     *               depends on the step's state (done straight from ready starts it too)
     */
    private void change(Long runId, UUID stepKey, @Nullable Boolean starts, String change, Function<RunSteps, Logged<RunSteps>> action) {
        RunStore.LoadedRun run = store.lock(runId);
        if (!run.plan().runbook().contains(stepKey)) {
            throw new CutoverRuleException("This step is not in the runbook of " + run.stored().run().name() + ".");
        }
        RunAccess.requireMayWork(run, stepKey);
        boolean begins = starts != null ? starts : run.steps().state(stepKey).isOpen();
        if (begins) {
            run.stored().run().checkStepsCanStart();
        } else {
            run.stored().run().checkStepsCanBeRecorded();
        }
        Logged<RunSteps> after = action.apply(run.steps());
        List<UUID> changed = store.saveSteps(run, after.value());
        store.log(run.id(), after.entries());
        store.announce(run.stored(), change, changed, ready(run, after.value().newlyReady(run.steps())));
    }

    /** The steps that became ready, each with the members who hold its owner role: they are told (notifications). */
    static List<RunChanged.ReadyStep> ready(RunStore.LoadedRun run, List<UUID> keys) {
        return keys.stream().map(key -> {
            String role = run.plan().ownerRole(key);
            var step = run.plan().step(key).step();
            return new RunChanged.ReadyStep(key, step.title(), step.type() == app.cadence.template.domain.StepType.GO_NO_GO,
                    role == null ? List.of() : run.holders(role));
        }).toList();
    }
}
