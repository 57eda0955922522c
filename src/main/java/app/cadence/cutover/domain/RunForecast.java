package app.cadence.cutover.domain;

import app.cadence.template.domain.RelativeTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * When each step of a run is planned, did happen, and is now expected to happen; when the run is
 * expected to end, how far that is from the plan, and the critical path. Computed afresh from the
 * actuals whenever one arrives, in one pass over the steps in topological order and one back
 * along the critical path: O(steps + predecessor links).
 * <p>
 * The rules, in the words a cutover manager would use:
 * <ul>
 *   <li><b>Planned</b> start is T0 + offset (whole days as calendar days in the organisation's
 *       zone, see {@link RelativeTime#at}), planned finish that plus the duration — from the
 *       <i>planned</i> T0, so the plan stays the baseline the run is judged against.</li>
 *   <li>A step <b>not started</b> is forecast to start at the latest of: its slot on the run's
 *       clock (planned start moved by actual T0 − planned T0: a run started 20 minutes late
 *       expects everything 20 minutes later, one started early may go early), now (it has not
 *       started yet), and the forecast finish of each predecessor. It never starts before its
 *       slot, even when its predecessors finish early: steps are booked in time (people called
 *       in, windows agreed with the business), and an early finish does not move them. It is
 *       forecast to take its planned duration.</li>
 *   <li>A step <b>in progress</b> finishes at its actual start + duration, or now if that has
 *       passed: it is late and may finish any moment.</li>
 *   <li>A <b>done</b> step has its actual times. A <b>skipped</b> one takes no time: it
 *       "finished" when it was skipped. A <b>failed</b> one holds the steps after it until
 *       someone acts, so it is forecast to finish now, and its successors move with the clock.</li>
 *   <li>The <b>rollback branch</b> is left out (no forecast, not in the end or the critical path)
 *       until rollback is invoked. Then the forward steps not finished are abandoned (left out in
 *       turn) and the rollback branch is scheduled from the invocation: its earliest step at the
 *       moment of invocation, the others keeping their planned distance from it.</li>
 *   <li>The run's <b>forecast end</b> is the latest forecast finish; the <b>planned end</b> the
 *       latest planned finish of the forward steps; the <b>variance</b> their difference (positive
 *       is late). After a rollback the variance still compares with the go-live plan.</li>
 *   <li>The <b>critical path</b> is the chain that drives the forecast end: from the steps that
 *       finish last, back through every predecessor whose forecast finish is exactly the step's
 *       forecast start. A chain stops where a step is held by its slot or by the clock rather
 *       than by a predecessor: nothing earlier can delay the end.</li>
 * </ul>
 * A finished run passes its end time as {@code now}.
 */
public final class RunForecast {

    private final List<StepTimes> steps;
    private final Map<UUID, StepTimes> byKey;
    private final Instant plannedEnd;
    private final Instant forecastEnd;
    private final List<UUID> criticalPath;

    private RunForecast(List<StepTimes> steps, Instant plannedEnd, Instant forecastEnd, List<UUID> criticalPath) {
        this.steps = List.copyOf(steps);
        this.byKey = new HashMap<>(steps.size() * 2);
        steps.forEach(s -> byKey.put(s.key(), s));
        this.plannedEnd = plannedEnd;
        this.forecastEnd = forecastEnd;
        this.criticalPath = List.copyOf(criticalPath);
    }

    public static RunForecast of(RunSteps run, RunT0 t0, Instant now) {
        Runbook runbook = run.runbook();
        int n = runbook.size();
        Instant[] plannedStart = new Instant[n];
        Instant[] plannedFinish = new Instant[n];
        @Nullable Instant[] start = new Instant[n];
        @Nullable Instant[] finish = new Instant[n];
        ZonedDateTime plannedT0 = t0.planned().atZone(t0.zone());
        Duration shift = t0.shift();
        RollbackInvocation rollback = run.rollback();
        int rollbackAnchor = runbook.steps().stream().filter(RunbookStep::rollback).mapToInt(RunbookStep::offsetMinutes).min().orElse(0);

        for (int i : runbook.topological()) {
            RunbookStep step = runbook.at(i);
            StepProgress actual = run.progress(step.key());
            Duration duration = Duration.ofMinutes(step.durationMinutes());
            plannedStart[i] = RelativeTime.at(plannedT0, step.offsetMinutes()).toInstant();
            plannedFinish[i] = plannedStart[i].plus(duration);
            boolean runs = step.rollback() ? rollback != null : actual.state() != StepState.ABANDONED;
            if (!runs) {
                continue;
            }
            switch (actual.state()) {
                case DONE -> {
                    start[i] = actual.startedAt();
                    finish[i] = actual.finishedAt();
                }
                case SKIPPED -> {
                    finish[i] = actual.finishedAt();
                    start[i] = actual.startedAt() != null ? actual.startedAt() : finish[i];
                }
                case FAILED -> {
                    start[i] = actual.startedAt();
                    finish[i] = latest(actual.finishedAt(), now);
                }
                case IN_PROGRESS -> {
                    start[i] = actual.startedAt();
                    finish[i] = latest(actual.startedAt().plus(duration), now);
                }
                default -> {
                    Instant slot = step.rollback() && rollback != null
                            ? rollback.at().plus(Duration.ofMinutes((long) step.offsetMinutes() - rollbackAnchor))
                            : plannedStart[i].plus(shift);
                    Instant earliest = latest(slot, now);
                    for (int p : runbook.predecessorsOf(i)) {
                        if (finish[p] != null) {
                            earliest = latest(earliest, finish[p]);
                        }
                    }
                    start[i] = earliest;
                    finish[i] = earliest.plus(duration);
                }
            }
        }

        Instant plannedEnd = null;
        Instant forecastEnd = null;
        for (int i = 0; i < n; i++) {
            if (!runbook.at(i).rollback()) {
                plannedEnd = latest(plannedEnd, plannedFinish[i]);
            }
            if (finish[i] != null) {
                forecastEnd = latest(forecastEnd, finish[i]);
            }
        }
        plannedEnd = plannedEnd == null ? t0.planned() : plannedEnd;
        forecastEnd = forecastEnd == null ? t0.current() : forecastEnd;

        boolean[] critical = criticalPath(runbook, start, finish, forecastEnd);
        List<StepTimes> times = new ArrayList<>(n);
        List<UUID> path = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID key = runbook.at(i).key();
            StepProgress actual = run.progress(key);
            times.add(new StepTimes(key, plannedStart[i], plannedFinish[i], actual.startedAt(), actual.finishedAt(), start[i], finish[i], critical[i]));
            if (critical[i]) {
                path.add(key);
            }
        }
        return new RunForecast(times, plannedEnd, forecastEnd, path);
    }

    private static boolean[] criticalPath(Runbook runbook, @Nullable Instant[] start, @Nullable Instant[] finish, Instant end) {
        int n = runbook.size();
        boolean[] critical = new boolean[n];
        int[] todo = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            if (end.equals(finish[i])) {
                critical[i] = true;
                todo[top++] = i;
            }
        }
        while (top > 0) {
            int i = todo[--top];
            for (int p : runbook.predecessorsOf(i)) {
                if (!critical[p] && finish[p] != null && finish[p].equals(start[i])) {
                    critical[p] = true;
                    todo[top++] = p;
                }
            }
        }
        return critical;
    }

    private static Instant latest(@Nullable Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Every step's times, in runbook order. */
    public List<StepTimes> steps() {
        return steps;
    }

    public StepTimes step(UUID key) {
        StepTimes times = byKey.get(key);
        if (times == null) {
            throw new IllegalArgumentException("No step " + key + " in this runbook");
        }
        return times;
    }

    public Instant plannedEnd() {
        return plannedEnd;
    }

    public Instant forecastEnd() {
        return forecastEnd;
    }

    /** Forecast end against planned end: positive is late. */
    public Duration variance() {
        return Duration.between(plannedEnd, forecastEnd);
    }

    /** The steps of the critical path, in runbook order. */
    public List<UUID> criticalPath() {
        return criticalPath;
    }

    @Override
    public String toString() {
        return "RunForecast[end " + forecastEnd + ", variance " + variance() + ", critical " + criticalPath.size() + " of "
                + steps.size() + " steps]";
    }
}
