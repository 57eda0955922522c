package app.cadence.cutover.service;

import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.RosterAssignmentRepository;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StoredCheckRepository;
import app.cadence.cutover.domain.StoredConditionRepository;
import app.cadence.cutover.domain.StoredDecisionRepository;
import app.cadence.cutover.domain.StoredLogEntryRepository;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.cutover.domain.StoredRunRepository;
import app.cadence.cutover.domain.StoredStepRepository;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.RuleViolationException;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A runbook removed from its project, or the project deleted, takes its runs with it — in the
 * same transaction, so no run outlives its plan. A runbook with a run under way (running or
 * paused) is not removed: the people on that run would lose their screen mid-cutover.
 */
@Component
class RunRemoval {

    private final StoredRunRepository runs;
    private final StoredStepRepository steps;
    private final StoredLogEntryRepository log;
    private final RosterAssignmentRepository roster;
    private final StoredDecisionRepository decisions;
    private final StoredCheckRepository checks;
    private final StoredConditionRepository conditions;

    RunRemoval(StoredRunRepository runs, StoredStepRepository steps, StoredLogEntryRepository log, RosterAssignmentRepository roster,
               StoredDecisionRepository decisions, StoredCheckRepository checks, StoredConditionRepository conditions) {
        this.runs = runs;
        this.steps = steps;
        this.log = log;
        this.roster = roster;
        this.decisions = decisions;
        this.checks = checks;
        this.conditions = conditions;
    }

    @EventListener
    void on(ProjectChanged change) {
        List<StoredRun> affected = switch (change.change()) {
            case INSTANCE_REMOVED -> runs.findByInstance(change.tenantId(), Objects.requireNonNull(change.instanceId()));
            case DELETED -> runs.findAllById(runs.idsOfProject(change.tenantId(), change.projectId()));
            default -> List.of();
        };
        if (affected.isEmpty()) {
            return;
        }
        affected.stream().filter(r -> r.run().state() == RunState.RUNNING || r.run().state() == RunState.PAUSED).findFirst().ifPresent(r -> {
            CutoverRun run = r.run();
            throw new RuleViolationException(null, run.name() + " of this runbook is " + run.state().label().toLowerCase()
                    + "; end it before removing the runbook.");
        });
        List<Long> ids = affected.stream().map(StoredRun::getId).map(Objects::requireNonNull).toList();
        Long tenantId = change.tenantId();
        checks.deleteByRuns(tenantId, ids);
        conditions.deleteByRuns(tenantId, ids);
        decisions.deleteVotesOfRuns(tenantId, ids);
        decisions.deleteByRuns(tenantId, ids);
        roster.deleteByRuns(tenantId, ids);
        log.deleteByRuns(tenantId, ids);
        steps.deleteByRuns(tenantId, ids);
        runs.deleteRuns(tenantId, ids);
    }
}
