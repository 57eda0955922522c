package app.cadence.cutover;

import static app.cadence.cutover.Plans.ANA;
import static app.cadence.cutover.Plans.BEN;
import static app.cadence.cutover.Plans.T0;
import static app.cadence.cutover.Plans.key;
import static app.cadence.cutover.Plans.rollbackStep;
import static app.cadence.cutover.Plans.runbook;
import static app.cadence.cutover.Plans.step;
import static app.cadence.cutover.Plans.t;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.domain.RunForecast;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.RunT0;
import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.StepTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunForecastTest {

    static final RunT0 AS_PLANNED = new RunT0(T0, null, ZoneOffset.UTC);
    static final RunT0 STARTED_ON_TIME = new RunT0(T0, T0, ZoneOffset.UTC);

    /** a (T0, 1h) → b (T+1h, 30m) → c (T+1h 30m, 30m): the plan leaves no slack. */
    final Runbook chain = runbook(step("a", 0, 60), step("b", 60, 30, "a"), step("c", 90, 30, "b"));

    @Nested
    class AChain {

        @Test
        void beforeTheRunTheForecastIsThePlanAndTheWholeChainIsCritical() {
            RunForecast forecast = RunForecast.of(RunSteps.fresh(chain), AS_PLANNED, t(-60));

            assertTimes(forecast.step(key("b")), t(60), t(90), t(60), t(90));
            assertTimes(forecast.step(key("c")), t(90), t(120), t(90), t(120));
            assertThat(forecast.plannedEnd()).isEqualTo(t(120));
            assertThat(forecast.forecastEnd()).isEqualTo(t(120));
            assertThat(forecast.variance()).isZero();
            assertThat(forecast.criticalPath()).containsExactly(key("a"), key("b"), key("c"));
            assertThat(forecast.steps()).allMatch(StepTimes::critical);
        }

        @Test
        void aLateStepPushesItsSuccessorsAndTheEnd() {
            RunSteps aRunning = RunSteps.fresh(chain).start(key("a"), BEN, t(0), null).value();

            RunForecast forecast = RunForecast.of(aRunning, STARTED_ON_TIME, t(90));

            StepTimes a = forecast.step(key("a"));
            assertThat(a.actualStart()).isEqualTo(t(0));
            assertThat(a.forecastFinish()).as("overran its hour: may finish any moment").isEqualTo(t(90));
            assertTimes(forecast.step(key("b")), t(60), t(90), t(90), t(120));
            assertTimes(forecast.step(key("c")), t(90), t(120), t(120), t(150));
            assertThat(forecast.variance()).isEqualTo(Duration.ofMinutes(30));
            assertThat(forecast.step(key("c")).variance()).isEqualTo(Duration.ofMinutes(30));
            assertThat(forecast.criticalPath()).containsExactly(key("a"), key("b"), key("c"));
        }

        @Test
        void aStepInProgressWithinItsDurationFinishesAsPlanned() {
            RunSteps aRunning = RunSteps.fresh(chain).start(key("a"), BEN, t(5), null).value();
            RunForecast forecast = RunForecast.of(aRunning, STARTED_ON_TIME, t(20));
            assertThat(forecast.step(key("a")).forecastFinish()).isEqualTo(t(65));
            assertThat(forecast.step(key("b")).forecastStart()).isEqualTo(t(65));
        }

        @Test
        void anEarlyFinishPullsNothingBeforeThePlan() {
            RunSteps aDone = RunSteps.fresh(chain).start(key("a"), BEN, t(0), null).value()
                    .complete(key("a"), BEN, t(30), null, null).value();

            RunForecast forecast = RunForecast.of(aDone, STARTED_ON_TIME, t(31));

            assertTimes(forecast.step(key("a")), t(0), t(60), t(0), t(30));
            assertThat(forecast.step(key("a")).actualFinish()).isEqualTo(t(30));
            assertTimes(forecast.step(key("b")), t(60), t(90), t(60), t(90));
            assertThat(forecast.variance()).isZero();
            assertThat(forecast.criticalPath()).as("b waits for its slot, not for a").containsExactly(key("b"), key("c"));
        }

        @Test
        void aStepNotStartedWhenItsSlotHasPassedIsForecastToStartNow() {
            RunForecast forecast = RunForecast.of(RunSteps.fresh(chain), STARTED_ON_TIME, t(25));
            assertTimes(forecast.step(key("a")), t(0), t(60), t(25), t(85));
            assertThat(forecast.forecastEnd()).isEqualTo(t(145));
        }

        @Test
        void aRunStartedLateExpectsEveryStepAsMuchLater() {
            RunT0 late = new RunT0(T0, t(20), ZoneOffset.UTC);
            RunForecast forecast = RunForecast.of(RunSteps.fresh(chain), late, t(20));
            assertTimes(forecast.step(key("b")), t(60), t(90), t(80), t(110));
            assertThat(forecast.variance()).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        void aRunStartedEarlyMayGoEarly() {
            RunT0 early = new RunT0(T0, t(-30), ZoneOffset.UTC);
            RunForecast forecast = RunForecast.of(RunSteps.fresh(chain), early, t(-30));
            assertTimes(forecast.step(key("a")), t(0), t(60), t(-30), t(30));
            assertThat(forecast.step(key("a")).plannedStart()).as("the plan stays the baseline").isEqualTo(T0);
            assertThat(forecast.forecastEnd()).isEqualTo(t(90));
            assertThat(forecast.variance()).isEqualTo(Duration.ofMinutes(-30));
        }

        @Test
        void aSkippedStepTakesNoTime() {
            RunSteps bSkipped = RunSteps.fresh(chain).complete(key("a"), BEN, t(60), null, null).value()
                    .skip(key("b"), ANA, t(61), "Not needed this time").value();
            RunForecast forecast = RunForecast.of(bSkipped, STARTED_ON_TIME, t(61));
            assertTimes(forecast.step(key("b")), t(60), t(90), t(61), t(61));
            assertThat(forecast.step(key("c")).forecastStart()).as("c keeps its slot").isEqualTo(t(90));
        }

        @Test
        void aFailedStepHoldsItsSuccessorsWhileTheClockRuns() {
            RunSteps aFailed = RunSteps.fresh(chain).start(key("a"), BEN, t(0), null).value()
                    .fail(key("a"), BEN, t(20), "Disk full").value();

            RunForecast soon = RunForecast.of(aFailed, STARTED_ON_TIME, t(30));
            assertThat(soon.step(key("a")).forecastFinish()).isEqualTo(t(30));
            assertThat(soon.step(key("b")).forecastStart()).isEqualTo(t(60));

            RunForecast later = RunForecast.of(aFailed, STARTED_ON_TIME, t(100));
            assertThat(later.step(key("a")).forecastFinish()).isEqualTo(t(100));
            assertTimes(later.step(key("b")), t(60), t(90), t(100), t(130));
            assertThat(later.criticalPath()).containsExactly(key("a"), key("b"), key("c"));
        }
    }

    @Nested
    class ADiamond {

        /** a → (b: 1h, c: 20m) → d: b is the long leg. */
        final Runbook diamond = runbook(step("a", 0, 10), step("b", 10, 60, "a"), step("c", 10, 20, "a"), step("d", 70, 10, "b", "c"));

        @Test
        void theLongerLegIsCritical() {
            RunForecast forecast = RunForecast.of(RunSteps.fresh(diamond), AS_PLANNED, t(-1));
            assertThat(forecast.criticalPath()).containsExactly(key("a"), key("b"), key("d"));
            assertThat(forecast.step(key("c")).critical()).isFalse();
            assertThat(forecast.forecastEnd()).isEqualTo(t(80));
        }

        @Test
        void whenTheShortLegRunsLateEnoughItBecomesCritical() {
            RunSteps cLate = RunSteps.fresh(diamond).complete(key("a"), BEN, t(10), null, null).value()
                    .start(key("c"), BEN, t(10), null).value()
                    .start(key("b"), BEN, t(10), null).value().complete(key("b"), BEN, t(70), null, null).value();
            RunForecast forecast = RunForecast.of(cLate, STARTED_ON_TIME, t(100));
            assertThat(forecast.step(key("d")).forecastStart()).isEqualTo(t(100));
            assertThat(forecast.criticalPath()).containsExactly(key("a"), key("c"), key("d"));
            assertThat(forecast.variance()).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void legsThatTieAreBothCritical() {
            Runbook tie = runbook(step("a", 0, 10), step("b", 10, 60, "a"), step("c", 10, 60, "a"), step("d", 70, 10, "b", "c"));
            assertThat(RunForecast.of(RunSteps.fresh(tie), AS_PLANNED, t(-1)).criticalPath())
                    .containsExactly(key("a"), key("b"), key("c"), key("d"));
        }
    }

    @Test
    void parallelBranchesOnlyTheOneThatEndsLastIsCritical() {
        Runbook branches = runbook(step("x1", 0, 30), step("y1", 0, 60), step("x2", 30, 30, "x1"), step("y2", 60, 60, "y1"));
        RunForecast forecast = RunForecast.of(RunSteps.fresh(branches), AS_PLANNED, t(-1));
        assertThat(forecast.criticalPath()).containsExactly(key("y1"), key("y2"));
        assertThat(forecast.forecastEnd()).isEqualTo(t(120));
    }

    @Test
    void aStepListedBeforeItsPredecessorIsStillForecastAfterIt() {
        Runbook backwards = runbook(step("c", 90, 30, "b"), step("b", 60, 30, "a"), step("a", 0, 60));
        RunSteps aLate = RunSteps.fresh(backwards).start(key("a"), BEN, t(0), null).value();
        RunForecast forecast = RunForecast.of(aLate, STARTED_ON_TIME, t(120));
        assertThat(forecast.step(key("c")).forecastStart()).isEqualTo(t(150));
        assertThat(forecast.steps()).extracting(StepTimes::key).containsExactly(key("c"), key("b"), key("a"));
    }

    @Nested
    class Rollback {

        final Runbook withRollback = runbook(
                step("a", 0, 60), step("b", 60, 30, "a"), step("c", 90, 30, "b"),
                rollbackStep("restore", 240, 60, "a"), rollbackStep("tell", 300, 15, "restore"));

        @Test
        void theRollbackBranchIsLeftOutUntilItIsInvoked() {
            RunForecast forecast = RunForecast.of(RunSteps.fresh(withRollback), AS_PLANNED, t(-1));
            StepTimes restore = forecast.step(key("restore"));
            assertThat(restore.plannedStart()).isEqualTo(t(240));
            assertThat(restore.scheduled()).isFalse();
            assertThat(restore.forecastStart()).isNull();
            assertThat(restore.variance()).isNull();
            assertThat(forecast.forecastEnd()).as("the rollback's planned +5h 15m does not count").isEqualTo(t(120));
            assertThat(forecast.plannedEnd()).isEqualTo(t(120));
            assertThat(forecast.criticalPath()).doesNotContain(key("restore"), key("tell"));
        }

        @Test
        void onceInvokedTheForwardStepsNotFinishedAreAbandonedAndTheBranchRunsFromTheInvocation() {
            RunSteps invoked = RunSteps.fresh(withRollback).complete(key("a"), BEN, t(50), null, null).value()
                    .start(key("b"), BEN, t(60), null).value()
                    .invokeRollback(ANA, t(75), "Load corrupts balances").value();

            RunForecast forecast = RunForecast.of(invoked, STARTED_ON_TIME, t(80));

            assertThat(forecast.step(key("a")).forecastFinish()).isEqualTo(t(50));
            assertThat(forecast.step(key("b")).scheduled()).isFalse();
            assertThat(forecast.step(key("b")).actualStart()).isEqualTo(t(60));
            assertThat(forecast.step(key("c")).scheduled()).isFalse();
            assertTimes(forecast.step(key("restore")), t(240), t(300), t(80), t(140));
            assertTimes(forecast.step(key("tell")), t(300), t(315), t(140), t(155));
            assertThat(forecast.forecastEnd()).isEqualTo(t(155));
            assertThat(forecast.variance()).as("still against the go-live plan").isEqualTo(Duration.ofMinutes(35));
            assertThat(forecast.criticalPath()).containsExactly(key("restore"), key("tell"));
        }

        @Test
        void theRollbackBranchKeepsItsPlannedSpacingFromTheInvocation() {
            Runbook spaced = runbook(step("a", 0, 60), rollbackStep("r1", 30, 10), rollbackStep("r2", 90, 10));
            RunSteps invoked = RunSteps.fresh(spaced).invokeRollback(ANA, t(10), "Abort").value();
            RunForecast forecast = RunForecast.of(invoked, STARTED_ON_TIME, t(10));
            assertThat(forecast.step(key("r1")).forecastStart()).isEqualTo(t(10));
            assertThat(forecast.step(key("r2")).forecastStart()).as("an hour after r1, as planned").isEqualTo(t(70));
        }
    }

    @Test
    void wholeDaysAreCalendarDaysInTheOrganisationsZone() {
        ZoneId london = ZoneId.of("Europe/London");
        // T0 at noon on the Sunday the clocks go forward: a day before is 23 hours before.
        Instant t0 = ZonedDateTime.of(2025, 3, 30, 12, 0, 0, 0, london).toInstant();
        Runbook dayBefore = runbook(step("prep", -1440, 60), step("go", 0, 30, "prep"));
        RunForecast forecast = RunForecast.of(RunSteps.fresh(dayBefore), new RunT0(t0, null, london), t0.minus(Duration.ofDays(3)));
        assertThat(forecast.step(key("prep")).plannedStart()).isEqualTo(t0.minus(Duration.ofHours(23)));
        assertThat(forecast.step(key("prep")).forecastStart()).isEqualTo(t0.minus(Duration.ofHours(23)));
    }

    @Test
    void anEmptyRunbookEndsAtT0() {
        RunForecast forecast = RunForecast.of(RunSteps.fresh(runbook()), STARTED_ON_TIME, t(5));
        assertThat(forecast.forecastEnd()).isEqualTo(T0);
        assertThat(forecast.variance()).isZero();
        assertThat(forecast.criticalPath()).isEmpty();
    }

    static void assertTimes(StepTimes times, Instant plannedStart, Instant plannedFinish, Instant forecastStart, Instant forecastFinish) {
        assertThat(List.of(times.plannedStart(), times.plannedFinish()))
                .as("planned start and finish").containsExactly(plannedStart, plannedFinish);
        assertThat(times.forecastStart()).as("forecast start").isEqualTo(forecastStart);
        assertThat(times.forecastFinish()).as("forecast finish").isEqualTo(forecastFinish);
    }
}
