package app.cadence.cutover.service;

import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two runs of one runbook side by side — typically the last rehearsal and the go-live: how long
 * each step actually took in each, the difference, and each run's variance against its plan.
 * Steps are matched by their key, which survives template versions; runs of different runbooks
 * have nothing to match and are refused.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RunComparison {

    /**
     * One of the two runs.
     *
     * @param elapsed  from its first step's actual start to its last actual finish; null before any step finished
     * @param variance its forecast (or, once ended, actual) end against its planned end; positive is late
     */
    public record Side(Long runId, String name, RunKind kind, RunState state, @Nullable RunOutcome outcome, Instant plannedT0,
                       @Nullable Instant actualT0, @Nullable Duration elapsed, Duration variance) {
    }

    /**
     * A step in both runs.
     *
     * @param firstTook   actual finish − actual start in the first run; null when it did not run to the end there
     * @param difference  second − first: positive when it took longer in the second run; null unless both are known
     * @param firstVariance finish against planned finish in the first run (forecast when not finished); positive is late
     */
    public record StepDifference(UUID key, int position, String sectionTitle, String title, int plannedMinutes,
                                 @Nullable Duration firstTook, @Nullable Duration secondTook, @Nullable Duration difference,
                                 @Nullable Duration firstVariance, @Nullable Duration secondVariance) {
    }

    public record Comparison(Long instanceId, String projectKey, String projectName, String instanceName, ZoneId zone, Side first,
                             Side second, List<StepDifference> steps) {
    }

    private final RunReading reading;

    RunComparison(RunReading reading) {
        this.reading = reading;
    }

    public Comparison compare(Long firstRunId, Long secondRunId) {
        // Both read first: another organisation's run is "not found" whatever else is wrong with the request.
        RunScreen first = reading.screen(firstRunId, 1);
        RunScreen second = reading.screen(secondRunId, 1);
        if (firstRunId.equals(secondRunId)) {
            throw new RuleViolationException(null, "Choose two different runs to compare: this is the same run twice.");
        }
        if (!first.header().instanceId().equals(second.header().instanceId())) {
            throw new RuleViolationException(null, "“" + first.header().name() + "” and “" + second.header().name()
                    + "” are runs of different runbooks, so their steps cannot be compared. Compare runs of the same runbook, "
                    + "such as a rehearsal and the go-live.");
        }
        Map<UUID, RunScreen.StepRow> inSecond = new LinkedHashMap<>();
        second.steps().forEach(s -> inSecond.put(s.key(), s));
        List<StepDifference> steps = new ArrayList<>();
        for (RunScreen.StepRow a : first.steps()) {
            RunScreen.StepRow b = inSecond.remove(a.key());
            steps.add(difference(a, b));
        }
        inSecond.values().forEach(b -> steps.add(difference(null, b))); // a step the first run's version did not have
        RunScreen.Header h = first.header();
        return new Comparison(h.instanceId(), h.projectKey(), h.projectName(), h.instanceName(), h.zone(), side(first), side(second),
                List.copyOf(steps));
    }

    private static StepDifference difference(RunScreen.@Nullable StepRow a, RunScreen.@Nullable StepRow b) {
        RunScreen.StepRow any = Objects.requireNonNull(a != null ? a : b);
        Duration took1 = a == null ? null : took(a);
        Duration took2 = b == null ? null : took(b);
        return new StepDifference(any.key(), any.position(), any.sectionTitle(), any.title(), any.durationMinutes(), took1, took2,
                took1 == null || took2 == null ? null : took2.minus(took1),
                a == null ? null : a.variance(), b == null ? null : b.variance());
    }

    /** How long a step actually took: only a step that was both started and finished has a duration. */
    static @Nullable Duration took(RunScreen.StepRow step) {
        return step.actualStart() == null || step.actualFinish() == null ? null : Duration.between(step.actualStart(), step.actualFinish());
    }

    private static Side side(RunScreen run) {
        RunScreen.Header h = run.header();
        Instant firstStart = run.steps().stream().map(RunScreen.StepRow::actualStart).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        Instant lastFinish = run.steps().stream().map(RunScreen.StepRow::actualFinish).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        Duration elapsed = firstStart == null || lastFinish == null ? null : Duration.between(firstStart, lastFinish);
        return new Side(h.id(), h.name(), h.kind(), h.state(), h.outcome(), h.plannedT0(), h.actualT0(), elapsed, h.variance());
    }
}
