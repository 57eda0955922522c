package app.cadence.cutover.service;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.RosterAssignment;
import app.cadence.cutover.domain.RosterAssignmentRepository;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StoredLogEntry;
import app.cadence.cutover.domain.StoredLogEntryRepository;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.cutover.domain.StoredRunRepository;
import app.cadence.cutover.domain.StoredStep;
import app.cadence.cutover.domain.StoredStepRepository;
import app.cadence.cutover.events.RunChanged;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the run services share: loading a run with its plan, step states and roster; saving the
 * steps that changed with their log; announcing the change. Package-private: the services are
 * the API.
 */
@Component
class RunStore {

    /** A run as the services work on it: stored rows, the plan, the steps as the domain sees them, the roster. */
    record LoadedRun(StoredRun stored, RunPlan plan, Map<UUID, StoredStep> rows, RunSteps steps, List<RosterAssignment> roster,
                     Map<String, List<Long>> holdersByRole) {

        LoadedRun(StoredRun stored, RunPlan plan, Map<UUID, StoredStep> rows, RunSteps steps, List<RosterAssignment> roster) {
            this(stored, plan, rows, steps, roster, byRole(roster));
        }

        Long id() {
            return Objects.requireNonNull(stored.getId());
        }

        /** Role names match whatever their case; looked up once per step on every screen, so indexed once per run read. */
        private static Map<String, List<Long>> byRole(List<RosterAssignment> roster) {
            Map<String, List<Long>> index = new java.util.HashMap<>();
            for (RosterAssignment assignment : roster) {
                index.computeIfAbsent(assignment.getRoleName().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                        .add(assignment.getUserId());
            }
            index.replaceAll((role, holders) -> List.copyOf(holders));
            return Map.copyOf(index);
        }

        /** The members holding a role in this run. */
        List<Long> holders(String role) {
            return holdersByRole.getOrDefault(role.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    private final StoredRunRepository runs;
    private final StoredStepRepository steps;
    private final StoredLogEntryRepository log;
    private final RosterAssignmentRepository roster;
    private final RunPlans plans;
    private final HypercareSchedule hypercare;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunStore(StoredRunRepository runs, StoredStepRepository steps, StoredLogEntryRepository log, RosterAssignmentRepository roster,
             RunPlans plans, HypercareSchedule hypercare, ApplicationEventPublisher events, Clock clock) {
        this.runs = runs;
        this.steps = steps;
        this.log = log;
        this.roster = roster;
        this.plans = plans;
        this.hypercare = hypercare;
        this.events = events;
        this.clock = clock;
    }

    /** When a recorded change happens: now, or the time a run entered after the fact is being recorded at. */
    Instant now() {
        Instant recorded = RECORDED_AT.get();
        return recorded != null ? recorded : clock.instant();
    }

    private static final ThreadLocal<Instant> RECORDED_AT = new ThreadLocal<>();

    /** Runs {@code actions} with every change stamped {@code at} (see {@link CutoverRuns#recordAt}). */
    static void recordAt(Instant at, Runnable actions) {
        Instant outer = RECORDED_AT.get();
        RECORDED_AT.set(at);
        try {
            actions.run();
        } finally {
            if (outer == null) {
                RECORDED_AT.remove();
            } else {
                RECORDED_AT.set(outer);
            }
        }
    }

    RunPlan plan(StoredRun run) {
        return plans.of(run.getTemplateVersionId());
    }

    /** How long before T0 a run of this version begins: its first step's planned start. */
    Duration leadTimeOf(Long templateVersionId) {
        return plans.of(templateVersionId).runbook().leadTime();
    }

    StoredRun find(Long runId) {
        return runs.findInTenant(runId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Run", runId));
    }

    /** The run locked for a change until the transaction ends, with everything a change reads. */
    LoadedRun lock(Long runId) {
        return load(runs.lockInTenant(runId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Run", runId)));
    }

    LoadedRun read(Long runId) {
        return load(find(runId));
    }

    LoadedRun load(StoredRun run) {
        Long tenantId = TenantContext.requireTenantId();
        RunPlan plan = plans.of(run.getTemplateVersionId());
        Map<UUID, StoredStep> rows = new HashMap<>();
        List<StepProgress> stored = new ArrayList<>();
        for (StoredStep row : steps.findByRun(tenantId, run.getId())) {
            if (plan.runbook().contains(row.getStepKey())) {
                rows.put(row.getStepKey(), row);
                stored.add(row.progress());
            }
        }
        RunSteps restored = RunSteps.restore(plan.runbook(), stored, run.rollback());
        return new LoadedRun(run, plan, rows, restored, roster.findByRun(tenantId, run.getId()));
    }

    /** Rows for every step of a new run, in their first states (the steps without predecessors ready). */
    void createSteps(Long runId, RunSteps fresh) {
        steps.saveAll(fresh.all().stream().map(p -> new StoredStep(runId, p)).toList());
    }

    /** Writes the steps whose progress changed, and returns their keys. */
    List<UUID> saveSteps(LoadedRun run, RunSteps after) {
        List<UUID> changed = new ArrayList<>();
        for (StepProgress progress : after.all()) {
            StoredStep row = run.rows().get(progress.key());
            if (row == null) {
                steps.save(new StoredStep(run.id(), progress));
                changed.add(progress.key());
            } else if (row.store(progress)) {
                changed.add(progress.key());
            }
        }
        run.stored().storeRollback(after.rollback());
        // Every change of steps passes here, so this is where a hypercare check that became ready gets its dates.
        hypercare.expandNewlyReady(run, run.steps(), after, now());
        return changed;
    }

    void log(Long runId, List<RunLogEntry> entries) {
        log.saveAll(entries.stream().map(e -> new StoredLogEntry(runId, e)).toList());
    }

    /** Tells the run's screens, and whoever follows runs (notifications), what changed. */
    void announce(StoredRun run, String change, List<UUID> stepKeys, List<RunChanged.ReadyStep> ready) {
        events.publishEvent(new RunChanged(TenantContext.requireTenantId(), Objects.requireNonNull(run.getId()), run.run().name(), run.getInstanceId(),
                run.getProjectId(), change, stepKeys, ready, ChangedBy.current(), now()));
    }

    /** The signed-in member as the run log names them. */
    static Actor me() {
        return TenantContext.currentUser().map(u -> new Actor(u.userId(), u.displayName()))
                .orElseThrow(() -> new AccessDeniedException("Sign in to work on a run."));
    }
}
