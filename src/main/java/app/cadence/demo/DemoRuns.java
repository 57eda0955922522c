package app.cadence.demo;

import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.template.domain.StepType;
import app.cadence.tenancy.service.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Cutover runs for the demo: a finished rehearsal of CLOUD-02 with actual times, two late steps
 * and a GO decision with two approvers; and ERP-01's go-live scheduled for next Saturday with a
 * rehearsal under way now, so that the run screen's Now board has something to show. The past is
 * recorded at the times it happened ({@link CutoverRuns#recordAt}).
 */
@Component
class DemoRuns {

    /** Owner roles led by the PM; go/no-go checkpoints are approved by the PMO and the PM; everything else is Diego's. */
    private static final List<String> PM_ROLES = List.of("Cutover manager", "Project manager", "Sponsor", "Change manager");

    private final TenantScope scope;
    private final CutoverRuns runs;
    private final RunStepWork steps;
    private final GoNoGoVoting voting;
    private final RunReading reading;

    DemoRuns(TenantScope scope, CutoverRuns runs, RunStepWork steps, GoNoGoVoting voting, RunReading reading) {
        this.scope = scope;
        this.runs = runs;
        this.steps = steps;
        this.voting = voting;
        this.reading = reading;
    }

    /** A rehearsal that ran from its planned start to its end, {@code late} steps taking longer than planned. */
    void finishedRehearsal(Long tenantId, Long pm, Long pmo, Long dev, Long instanceId, Map<String, Duration> late) {
        Long runId = scope.call(pm, tenantId, () -> runs.scheduleRehearsal(instanceId, null));
        staff(tenantId, pm, pmo, dev, runId);
        Instant end = replay(tenantId, pm, pmo, runId, Instant.MAX, late);
        scope.run(pm, tenantId, () -> runs.recordAt(end, () -> runs.end(runId, RunOutcome.COMPLETED,
                "Rehearsal complete; two steps ran late — see the report before the go-live.")));
    }

    /** A rehearsal that started {@code startedAgo} before now, worked up to now. */
    void rehearsalUnderWay(Long tenantId, Long pm, Long pmo, Long dev, Long instanceId, Instant now, Duration startedAgo) {
        Long runId = scope.call(pm, tenantId, () -> runs.scheduleRehearsal(instanceId, now));
        // Scheduled with T0 now first, to learn how long before T0 the runbook begins.
        scope.run(pm, tenantId, () -> runs.reschedule(runId, now.minus(startedAgo).plus(leadOf(runId))));
        staff(tenantId, pm, pmo, dev, runId);
        replay(tenantId, pm, pmo, runId, now, Map.of());
    }

    void goLive(Long tenantId, Long pm, Long pmo, Long dev, Long instanceId, Instant plannedT0) {
        Long runId = scope.call(pm, tenantId, () -> runs.scheduleLiveRun(instanceId, plannedT0));
        staff(tenantId, pm, pmo, dev, runId);
    }

    private Duration leadOf(Long runId) {
        RunScreen.Header header = reading.screen(runId).header();
        return Duration.between(header.plannedStart(), header.plannedT0());
    }

    private void staff(Long tenantId, Long pm, Long pmo, Long dev, Long runId) {
        scope.run(pm, tenantId, () -> {
            RunScreen screen = reading.screen(runId);
            for (RunScreen.RoleHolders role : screen.roster()) {
                runs.assignRole(runId, role.role(), PM_ROLES.contains(role.role()) ? List.of(pm) : List.of(dev));
            }
            screen.steps().stream().filter(s -> s.type() == StepType.GO_NO_GO)
                    .forEach(s -> voting.setApprovers(runId, s.key(), List.of(pmo, pm)));
        });
    }

    /**
     * Works the run's forward steps in the order they become ready, each starting at the later of
     * its planned start and the moment it became ready, and taking its planned duration (plus
     * {@code late}): steps that would start after {@code until} stay ready; a step that would end
     * after it stays in progress. Returns when the last step finished.
     */
    private Instant replay(Long tenantId, Long pm, Long pmo, Long runId, Instant until, Map<String, Duration> late) {
        Map<UUID, Instant> readyAt = new HashMap<>();
        RunScreen first = scope.call(pm, tenantId, () -> reading.screen(runId));
        Instant start = first.header().plannedStart();
        scope.run(pm, tenantId, () -> runs.recordAt(start, () -> runs.start(runId)));
        Instant last = start;
        while (true) {
            RunScreen screen = scope.call(pm, tenantId, () -> reading.screen(runId));
            Instant previous = last;
            screen.steps().stream().filter(s -> s.state() == StepState.READY).forEach(s -> readyAt.putIfAbsent(s.key(), previous));
            Optional<RunScreen.StepRow> next = screen.steps().stream()
                    .filter(s -> !s.rollback() && s.state() == StepState.READY)
                    .min(Comparator.comparing((RunScreen.StepRow s) -> latest(s.plannedStart(), readyAt.get(s.key()))));
            if (next.isEmpty()) {
                return last;
            }
            RunScreen.StepRow step = next.get();
            Instant begins = latest(step.plannedStart(), readyAt.get(step.key()));
            if (begins.isAfter(until)) {
                return last;
            }
            Instant ends = begins.plus(Duration.ofMinutes(step.durationMinutes())).plus(late.getOrDefault(step.title(), Duration.ZERO));
            if (step.type() == StepType.GO_NO_GO) {
                scope.run(pmo, tenantId, () -> runs.recordAt(begins, () -> voting.vote(runId, step.key(), Verdict.GO, "Reconciliation signed off")));
                if (ends.isAfter(until)) {
                    return last;
                }
                scope.run(pm, tenantId, () -> runs.recordAt(ends, () -> voting.vote(runId, step.key(), Verdict.GO, null)));
            } else {
                scope.run(pm, tenantId, () -> runs.recordAt(begins, () -> steps.start(runId, step.key(), null)));
                if (ends.isAfter(until)) {
                    return last;
                }
                String evidence = step.evidenceRequired() ? "https://intranet.acme.example/cutover/evidence/" + step.key() : null;
                scope.run(pm, tenantId, () -> runs.recordAt(ends, () -> steps.complete(runId, step.key(), evidence, null)));
            }
            last = latest(last, ends);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
