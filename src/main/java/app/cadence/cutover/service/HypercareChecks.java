package app.cadence.cutover.service;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.CheckOccurrence;
import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.HypercareExit;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.RunbookStep;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StoredCheck;
import app.cadence.cutover.domain.StoredCheckRepository;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hypercare in a run: the dated occurrences of its recurring checks ({@link HypercareSchedule}
 * dates them), each ticked or marked missed on its own by the check's owners (the members
 * holding its role in the roster) or whoever runs the run; and the exit sign-off, by whoever
 * runs the run, which closes what is still open and ends hypercare.
 * <p>
 * A check's step follows its occurrences: the first one recorded starts it, and it is done when
 * none is open any more, with "12 of 14 checks done, 2 missed" as its evidence. Every change is
 * in the run's log and announced to the run's screens.
 */
@Service
@NamedInterface("api")
@Transactional
@RolesAllowed(RoleSets.MEMBERS)
public class HypercareChecks {

    private final RunStore store;
    private final StoredCheckRepository checks;

    HypercareChecks(RunStore store, StoredCheckRepository checks) {
        this.store = store;
        this.checks = checks;
    }

    /** The run's hypercare: its checks, their occurrences and the exit, with what the reader may do. */
    @Transactional(readOnly = true)
    public HypercareBoard occurrences(Long runId) {
        RunStore.LoadedRun run = store.read(runId);
        HypercarePlan plan = HypercarePlan.of(run.plan());
        Instant now = store.now();
        boolean writable = !run.stored().run().isReadOnly() && !run.steps().rollbackInvoked();
        boolean running = run.stored().run().state() == app.cadence.cutover.domain.RunState.RUNNING;
        Map<UUID, List<StoredCheck>> rows = byStep(run);

        List<HypercareBoard.Check> shown = new ArrayList<>();
        List<HypercareBoard.Occurrence> occurrences = new ArrayList<>();
        for (RunPlan.StepInfo info : plan.checks().values()) {
            UUID key = info.key();
            List<StoredCheck> mine = rows.getOrDefault(key, List.of());
            StepState state = run.steps().state(key);
            // A ready step starts with its first recorded check, which only a running run allows.
            boolean works = writable && (state == StepState.IN_PROGRESS || state == StepState.READY && running)
                    && RunAccess.mayWork(run, key);
            Duration duration = Duration.ofMinutes(info.step().durationMinutes());
            Instant previousDue = null;
            for (StoredCheck row : mine) {
                CheckOccurrence o = row.occurrence();
                boolean open = o.state().isOpen();
                occurrences.add(new HypercareBoard.Occurrence(Objects.requireNonNull(row.getId()), key, info.step().title(), o.number(),
                        o.dueAt(), o.state(), o.by() == null ? null : o.by().name(), o.recordedAt(), o.note(), o.overdue(now, duration),
                        works && open && !now.isBefore(o.opensAt(previousDue)), works && open && !now.isBefore(o.dueAt())));
                previousDue = o.dueAt();
            }
            List<CheckOccurrence> values = mine.stream().map(StoredCheck::occurrence).toList();
            shown.add(new HypercareBoard.Check(key, info.step().title(), plan.rule(key).label(), run.plan().ownerRole(key), state,
                    HypercareSchedule.slot(run.stored(), info.step().offsetMinutes()), !mine.isEmpty(),
                    count(values, CheckState.DONE), count(values, CheckState.MISSED), values.size()));
        }
        return new HypercareBoard(run.id(), run.stored().zone(), now, shown, occurrences, exit(run, plan, writable));
    }

    private static HypercareBoard.@Nullable Exit exit(RunStore.LoadedRun run, HypercarePlan plan, boolean writable) {
        RunPlan.StepInfo exit = plan.exit();
        if (exit == null) {
            return null;
        }
        StepProgress progress = run.steps().progress(exit.key());
        boolean signed = progress.state() == StepState.DONE;
        List<String> waiting = signed ? List.of() : run.steps().openPredecessors(exit.key()).stream()
                .filter(p -> !plan.checks().containsKey(p.key())).map(RunbookStep::title).toList();
        boolean open = progress.state().isOpen() || progress.state() == StepState.IN_PROGRESS;
        return new HypercareBoard.Exit(exit.key(), exit.step().title(), progress.state(),
                signed && progress.finishedBy() != null ? progress.finishedBy().name() : null, signed ? progress.finishedAt() : null,
                signed ? progress.evidence() : null, writable && open && waiting.isEmpty() && RunAccess.mayRun(run.stored()), waiting);
    }

    /** Ticks an occurrence as done, with an optional note; the first one starts its step, the last one finishes it. */
    public void tick(Long runId, Long occurrenceId, @Nullable String note) {
        record(runId, occurrenceId, "HYPERCARE_CHECK_DONE", true,
                (o, key, title, zone, previousDue) -> o.tick(key, title, zone, RunStore.me(), store.now(), previousDue, note));
    }

    /** Records that an occurrence was not done, with the reason; possible once it is due. */
    public void miss(Long runId, Long occurrenceId, @Nullable String reason) {
        record(runId, occurrenceId, "HYPERCARE_CHECK_MISSED", false,
                (o, key, title, zone, previousDue) -> o.miss(key, title, zone, RunStore.me(), store.now(), reason));
    }

    private interface OccurrenceChange {
        Logged<CheckOccurrence> apply(CheckOccurrence occurrence, UUID stepKey, String title, java.time.ZoneId zone, @Nullable Instant previousDue);
    }

    private void record(Long runId, Long occurrenceId, String change, boolean done, OccurrenceChange action) {
        RunStore.LoadedRun run = store.lock(runId);
        StoredCheck row = checks.findInRun(TenantContext.requireTenantId(), run.id(), occurrenceId)
                .filter(r -> run.plan().steps().containsKey(r.getStepKey()))
                .orElseThrow(() -> new RecordNotFoundException("Hypercare check", occurrenceId));
        UUID key = row.getStepKey();
        String title = run.plan().step(key).step().title();
        RunAccess.requireMayWork(run, key);
        checkCanRecord(run, key, title);
        List<StoredCheck> ofStep = byStep(run).getOrDefault(key, List.of());
        Instant previousDue = null;
        for (StoredCheck other : ofStep) {
            if (other.getId().equals(row.getId())) {
                break;
            }
            previousDue = other.occurrence().dueAt();
        }
        Logged<CheckOccurrence> next = action.apply(row.occurrence(), key, title, run.stored().zone(), previousDue);
        row.store(next.value());
        List<RunLogEntry> entries = new ArrayList<>(next.entries());
        RunSteps steps = run.steps();
        if (steps.state(key) == StepState.READY) {
            steps = add(steps.start(key, RunStore.me(), store.now(), null), entries);
        }
        List<CheckOccurrence> all = ofStep.stream().map(StoredCheck::occurrence).toList();
        if (all.stream().noneMatch(o -> o.state().isOpen())) {
            steps = add(steps.complete(key, RunStore.me(), store.now(), CheckOccurrence.summary(all), null), entries);
        }
        save(run, steps, entries, change, key);
    }

    /** Checks can be recorded while the run is running or paused, its step is ready or under way, and rollback was not invoked. */
    private static void checkCanRecord(RunStore.LoadedRun run, UUID key, String title) {
        StepState state = run.steps().state(key);
        if (state == StepState.READY) {
            run.stored().run().checkStepsCanStart();
        } else {
            run.stored().run().checkStepsCanBeRecorded();
        }
        if (run.steps().rollbackInvoked()) {
            throw new CutoverRuleException("Rollback has been invoked: the hypercare checks no longer change.");
        }
        if (state != StepState.READY && state != StepState.IN_PROGRESS) {
            throw new CutoverRuleException("“" + title + "” is " + state.label().toLowerCase(java.util.Locale.ROOT)
                    + (state == StepState.WAITING ? "; its checks can be recorded once it is ready." : "; its checks no longer change."));
        }
    }

    /**
     * Signs the hypercare exit with a note saying which exit criteria are met: the exit milestone is
     * done with the note as its evidence. Checks still open are closed first — missed when past due,
     * not needed when ahead — and their steps finished (skipped if they never began). Other steps the
     * exit waits for must be finished first. The run goes on until its lead ends it.
     */
    public void signExit(Long runId, @Nullable String note) {
        RunStore.LoadedRun run = store.lock(runId);
        RunAccess.requireMayRun(run.stored(), "sign the hypercare exit");
        run.stored().run().checkStepsCanBeRecorded();
        HypercarePlan plan = HypercarePlan.of(run.plan());
        RunPlan.StepInfo exit = plan.exit();
        if (exit == null) {
            throw new CutoverRuleException("This runbook's hypercare has no exit milestone to sign. Add a milestone at the end of its "
                    + "hypercare section in the next version of the template.");
        }
        if (run.steps().rollbackInvoked()) {
            throw new CutoverRuleException("Rollback has been invoked: there is no hypercare to exit.");
        }
        StepProgress current = run.steps().progress(exit.key());
        if (current.state() == StepState.DONE) {
            throw new CutoverRuleException("Hypercare exit was already signed" + (current.finishedBy() == null ? "" : " by " + current.finishedBy().name()) + ".");
        }
        Actor me = RunStore.me();
        Instant now = store.now();
        HypercareExit signed = HypercareExit.sign(me, now, note);
        List<RunLogEntry> entries = new ArrayList<>();
        RunSteps steps = run.steps();
        Map<UUID, List<StoredCheck>> rows = byStep(run);
        for (UUID key : plan.checks().keySet()) {
            StepState state = steps.state(key);
            List<StoredCheck> mine = rows.getOrDefault(key, List.of());
            mine.forEach(r -> r.store(r.occurrence().closed(me, now)));
            if (state == StepState.READY || state == StepState.IN_PROGRESS) {
                List<CheckOccurrence> all = mine.stream().map(StoredCheck::occurrence).toList();
                steps = add(steps.complete(key, me, now, all.isEmpty() ? "Hypercare closed" : CheckOccurrence.summary(all), null), entries);
            } else if (state == StepState.WAITING) {
                steps = add(steps.skip(key, me, now, "Hypercare exit signed before this check began"), entries);
            }
        }
        if (steps.state(exit.key()) == StepState.WAITING) {
            String waiting = steps.openPredecessors(exit.key()).stream().map(p -> "“" + p.title() + "”").collect(Collectors.joining(", "));
            throw new CutoverRuleException("“" + exit.step().title() + "” is waiting for " + waiting
                    + ". Finish or skip it first, then sign the hypercare exit.");
        }
        if (steps.state(exit.key()).isOpen()) {
            run.stored().run().checkStepsCanStart();
        }
        steps = add(steps.complete(exit.key(), me, now, signed.note(), null), entries);
        entries.add(signed.logEntry(exit.key()));
        save(run, steps, entries, "HYPERCARE_EXIT_SIGNED", exit.key());
    }

    private void save(RunStore.LoadedRun run, RunSteps steps, List<RunLogEntry> entries, String change, UUID concerned) {
        Set<UUID> changed = new LinkedHashSet<>(store.saveSteps(run, steps));
        changed.add(concerned);
        store.log(run.id(), entries);
        store.announce(run.stored(), change, List.copyOf(changed), RunStepWork.ready(run, steps.newlyReady(run.steps())));
    }

    private static RunSteps add(Logged<RunSteps> change, List<RunLogEntry> entries) {
        entries.addAll(change.entries());
        return change.value();
    }

    private Map<UUID, List<StoredCheck>> byStep(RunStore.LoadedRun run) {
        Map<UUID, List<StoredCheck>> rows = new LinkedHashMap<>();
        for (StoredCheck row : checks.findByRun(TenantContext.requireTenantId(), run.id())) {
            rows.computeIfAbsent(row.getStepKey(), k -> new ArrayList<>()).add(row);
        }
        rows.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(r -> r.occurrence().number())));
        return rows;
    }

    private static int count(List<CheckOccurrence> occurrences, CheckState state) {
        return (int) occurrences.stream().filter(o -> o.state() == state).count();
    }
}
