package app.cadence.cutover;

import static app.cadence.cutover.Plans.BEN;
import static app.cadence.cutover.Plans.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.domain.RunForecast;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.RunT0;
import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.RunbookStep;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StepTimes;
import app.cadence.template.domain.StepType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A generated 500-step runbook (up to three predecessors a step, listed in shuffled order so that
 * runbook order is not topological order), run part-way with late and early actuals: the forecast
 * keeps its rules on every step. The time it takes is printed, not asserted.
 */
class LargeRunbookForecastTest {

    static final int STEPS = 500;

    final Random random = new Random(20250614);
    final List<RunbookStep> generated = generate();
    final Runbook runbook = new Runbook(shuffled(generated));

    @Test
    void beforeTheRunAPlanThatRespectsItsPredecessorsIsItsOwnForecast() {
        RunForecast forecast = RunForecast.of(RunSteps.fresh(runbook), new RunT0(T0, null, ZoneOffset.UTC), T0.minus(Duration.ofDays(30)));
        assertThat(forecast.steps()).hasSize(STEPS).allSatisfy(times -> {
            assertThat(times.forecastStart()).isEqualTo(times.plannedStart());
            assertThat(times.forecastFinish()).isEqualTo(times.plannedFinish());
        });
        assertThat(forecast.variance()).isZero();
        assertCriticalPathDrivesTheEnd(forecast);
    }

    @Test
    void partWayThroughTheForecastKeepsItsRulesOnEveryStep() {
        RunT0 t0 = new RunT0(T0, T0.plus(Duration.ofMinutes(7)), ZoneOffset.UTC);
        RunSteps run = RunSteps.fresh(runbook);
        Map<UUID, Instant> finished = new HashMap<>();
        Instant now = T0;
        // Work the first 200 generated steps (generated in topological order) with jitter; start those of the next 20 that are ready.
        for (int i = 0; i < 220; i++) {
            RunbookStep step = generated.get(i);
            if (!finished.keySet().containsAll(step.predecessors())) {
                continue; // not ready: left waiting
            }
            Instant start = slot(step, t0).plus(Duration.ofMinutes(random.nextInt(-10, 40)));
            for (UUID p : step.predecessors()) {
                start = start.isBefore(finished.get(p)) ? finished.get(p) : start;
            }
            run = run.start(step.key(), BEN, start, null).value();
            if (i < 200) {
                Instant finish = start.plus(Duration.ofMinutes(Math.max(0, step.durationMinutes() + random.nextInt(-15, 30))));
                run = run.complete(step.key(), BEN, finish, null, null).value();
                finished.put(step.key(), finish);
                now = now.isAfter(finish) ? now : finish;
            }
        }

        assertThat(run.all()).extracting(StepProgress::state).as("every kind of step is covered")
                .contains(StepState.DONE, StepState.IN_PROGRESS, StepState.READY, StepState.WAITING);
        RunForecast forecast = RunForecast.of(run, t0, now);

        for (StepTimes times : forecast.steps()) {
            RunbookStep step = runbook.step(times.key());
            StepState state = run.state(step.key());
            assertThat(times.forecastStart()).isNotNull();
            if (state == StepState.DONE) {
                assertThat(times.forecastFinish()).isEqualTo(finished.get(step.key()));
                continue;
            }
            if (state == StepState.IN_PROGRESS) {
                assertThat(times.forecastFinish()).isAfterOrEqualTo(now)
                        .isAfterOrEqualTo(times.actualStart().plus(Duration.ofMinutes(step.durationMinutes())));
                continue;
            }
            assertThat(times.forecastStart()).as("not before now").isAfterOrEqualTo(now)
                    .as("not before its slot on the run's clock").isAfterOrEqualTo(slot(step, t0));
            for (UUID p : step.predecessors()) {
                assertThat(times.forecastStart()).as("not before a predecessor finishes").isAfterOrEqualTo(forecast.step(p).forecastFinish());
            }
            assertThat(Duration.between(times.forecastStart(), times.forecastFinish())).isEqualTo(Duration.ofMinutes(step.durationMinutes()));
        }
        Instant latest = forecast.steps().stream().map(StepTimes::forecastFinish).max(Instant::compareTo).orElseThrow();
        assertThat(forecast.forecastEnd()).isEqualTo(latest);
        assertThat(forecast.variance()).isEqualTo(Duration.between(forecast.plannedEnd(), latest));
        assertCriticalPathDrivesTheEnd(forecast);

        RunSteps worked = run;
        Instant at = now;
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long began = System.nanoTime();
            RunForecast.of(worked, t0, at);
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        System.out.printf("Forecast of a %d-step runbook with %d predecessor links: median %d µs, slowest %d µs (of %d runs)%n",
                STEPS, generated.stream().mapToInt(s -> s.predecessors().size()).sum(), nanos[nanos.length / 2] / 1000,
                nanos[nanos.length - 1] / 1000, nanos.length);
    }

    /** Every critical step finishes at the end or exactly when a critical successor starts; the chain reaches the end. */
    private void assertCriticalPathDrivesTheEnd(RunForecast forecast) {
        Set<UUID> critical = new HashSet<>(forecast.criticalPath());
        assertThat(critical).isNotEmpty();
        assertThat(forecast.criticalPath()).anyMatch(k -> forecast.step(k).forecastFinish().equals(forecast.forecastEnd()));
        for (UUID key : critical) {
            StepTimes times = forecast.step(key);
            boolean drivesASuccessor = runbook.steps().stream()
                    .filter(s -> s.predecessors().contains(key) && critical.contains(s.key()))
                    .anyMatch(s -> forecast.step(s.key()).forecastStart().equals(times.forecastFinish()));
            assertThat(times.forecastFinish().equals(forecast.forecastEnd()) || drivesASuccessor)
                    .as("critical step %s drives the end", runbook.step(key).title()).isTrue();
        }
        for (StepTimes times : forecast.steps()) {
            assertThat(times.critical()).isEqualTo(critical.contains(times.key()));
        }
    }

    private static Instant slot(RunbookStep step, RunT0 t0) {
        return t0.planned().plus(Duration.ofMinutes(step.offsetMinutes())).plus(t0.shift());
    }

    /** In topological order: each step after its predecessors, planned to start when the last of them finishes, or a little later. */
    private List<RunbookStep> generate() {
        List<RunbookStep> steps = new ArrayList<>(STEPS);
        for (int i = 0; i < STEPS; i++) {
            List<UUID> predecessors = new ArrayList<>();
            int offset = -600;
            if (i > 0) {
                int count = random.nextInt(i < 10 ? 1 : 0, 4);
                for (int c = 0; c < count; c++) {
                    RunbookStep p = steps.get(random.nextInt(Math.max(0, i - 40), i));
                    if (!predecessors.contains(p.key())) {
                        predecessors.add(p.key());
                        offset = Math.max(offset, p.offsetMinutes() + p.durationMinutes());
                    }
                }
                offset += random.nextInt(0, 3) == 0 ? random.nextInt(1, 30) : 0;
            }
            steps.add(new RunbookStep(new UUID(0, i), "Step " + i, StepType.TASK, offset, random.nextInt(0, 90), predecessors, false, false));
        }
        return steps;
    }

    private List<RunbookStep> shuffled(List<RunbookStep> steps) {
        List<RunbookStep> copy = new ArrayList<>(steps);
        Collections.shuffle(copy, random);
        return copy;
    }
}
