package app.cadence.cutover;

import static app.cadence.cutover.Plans.ANA;
import static app.cadence.cutover.Plans.T0;
import static app.cadence.cutover.Plans.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CutoverRunTest {

    /** A runbook that begins two hours before T0. */
    final CutoverRun scheduled = CutoverRun.rehearsal(2, T0, Duration.ofHours(2));

    @Test
    void rehearsalsAreNumberedAndTheLiveRunIsNot() {
        assertThat(scheduled.name()).isEqualTo("Rehearsal 2");
        assertThat(scheduled.kind()).isEqualTo(RunKind.REHEARSAL);
        assertThat(CutoverRun.live(T0, Duration.ZERO).name()).isEqualTo("Go-live");
        assertThatThrownBy(() -> CutoverRun.rehearsal(0, T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startingLateMovesT0AsMuch() {
        assertThat(scheduled.plannedStart()).isEqualTo(t(-120));
        Logged<CutoverRun> started = scheduled.start(ANA, t(-100));
        CutoverRun running = started.value();
        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.startedAt()).isEqualTo(t(-100));
        assertThat(running.actualT0()).isEqualTo(t(20));
        assertThat(running.t0(ZoneOffset.UTC).shift()).isEqualTo(Duration.ofMinutes(20));
        assertThat(started.entries()).containsExactly(new RunLogEntry(t(-100), ANA, "Rehearsal 2 started", null, null, false));
    }

    @Test
    void startingEarlyMovesT0Earlier() {
        assertThat(scheduled.start(ANA, t(-150)).value().t0(ZoneOffset.UTC).shift()).isEqualTo(Duration.ofMinutes(-30));
    }

    @Test
    void plannedT0CanMoveOnlyBeforeTheRunStarts() {
        CutoverRun moved = scheduled.reschedule(t(60), ANA, t(-1000)).value();
        assertThat(moved.plannedT0()).isEqualTo(t(60));
        CutoverRun running = moved.start(ANA, t(-60)).value();
        assertThatThrownBy(() -> running.reschedule(t(120), ANA, t(0)))
                .hasMessage("Rehearsal 2 has started; its planned T0 stays as the baseline it is measured against.");
    }

    @Test
    void aRunIsPausedWithAReasonAndResumed() {
        CutoverRun running = scheduled.start(ANA, t(-120)).value();
        assertThatThrownBy(() -> running.pause(ANA, t(0), " ")).hasMessage("Say why the run is paused: everyone on it will read it.");
        Logged<CutoverRun> paused = running.pause(ANA, t(0), "Data centre power check");
        assertThat(paused.value().state()).isEqualTo(RunState.PAUSED);
        assertThat(paused.value().pauseReason()).isEqualTo("Data centre power check");
        assertThat(paused.entries().getFirst().reason()).isEqualTo("Data centre power check");
        assertThatThrownBy(() -> paused.value().pause(ANA, t(1), "again")).hasMessage("Rehearsal 2 is paused; only a running run can be paused.");

        CutoverRun resumed = paused.value().resume(ANA, t(10)).value();
        assertThat(resumed.state()).isEqualTo(RunState.RUNNING);
        assertThat(resumed.pauseReason()).isNull();
        assertThat(resumed.actualT0()).as("a pause does not move T0").isEqualTo(running.actualT0());
        assertThatThrownBy(() -> resumed.resume(ANA, t(11))).hasMessage("Rehearsal 2 is running; only a paused run can be resumed.");
    }

    @Test
    void stepsStartOnlyWhileRunningAndAreRecordedWhilePausedToo() {
        assertThatThrownBy(scheduled::checkStepsCanStart).hasMessage("Rehearsal 2 has not started; start the run before its steps.");
        assertThatThrownBy(scheduled::checkStepsCanBeRecorded).hasMessage("Rehearsal 2 has not started; start the run before its steps.");
        CutoverRun running = scheduled.start(ANA, t(-120)).value();
        assertThatCode(running::checkStepsCanStart).doesNotThrowAnyException();
        CutoverRun paused = running.pause(ANA, t(0), "Waiting for the vendor").value();
        assertThatThrownBy(paused::checkStepsCanStart).hasMessage("Rehearsal 2 is paused (Waiting for the vendor); resume it to start steps.");
        assertThatCode(paused::checkStepsCanBeRecorded).doesNotThrowAnyException();
    }

    @Test
    void anEndedRunIsReadOnly() {
        CutoverRun ended = scheduled.start(ANA, t(-120)).value().end(ANA, t(200), RunOutcome.COMPLETED, null).value();
        assertThat(ended.isReadOnly()).isTrue();
        assertThat(ended.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(ended.endedAt()).isEqualTo(t(200));
        assertThatThrownBy(ended::checkStepsCanBeRecorded).hasMessage("Rehearsal 2 has ended; a finished run is read-only.");
        assertThatThrownBy(ended::checkStepsCanStart).hasMessage("Rehearsal 2 has ended; a finished run is read-only.");
        assertThatThrownBy(() -> ended.end(ANA, t(201), RunOutcome.ABANDONED, "x")).hasMessage("Rehearsal 2 has already ended; a finished run is read-only.");
        assertThatThrownBy(() -> ended.pause(ANA, t(201), "x")).hasMessageContaining("only a running run can be paused");
        assertThatThrownBy(() -> ended.start(ANA, t(201))).hasMessage("Rehearsal 2 is ended; it can be started only once.");
    }

    @Test
    void rollingBackOrAbandoningNeedsANote() {
        CutoverRun paused = scheduled.start(ANA, t(-120)).value().pause(ANA, t(0), "Balances off").value();
        assertThatThrownBy(() -> paused.end(ANA, t(10), RunOutcome.ROLLED_BACK, null))
                .hasMessage("Add a note saying why Rehearsal 2 is rolled back.");
        Logged<CutoverRun> rolledBack = paused.end(ANA, t(10), RunOutcome.ROLLED_BACK, "Balances off by 2%");
        assertThat(rolledBack.value().endNote()).isEqualTo("Balances off by 2%");
        assertThat(rolledBack.value().pauseReason()).isNull();
        assertThat(rolledBack.entries().getFirst().what()).isEqualTo("Rehearsal 2 ended: rolled back");
    }

    @Test
    void aRunThatNeverStartedCanOnlyBeAbandoned() {
        assertThatThrownBy(() -> scheduled.end(ANA, t(0), RunOutcome.COMPLETED, null)).hasMessage("Rehearsal 2 has not started; it can only be abandoned.");
        CutoverRun abandoned = scheduled.end(ANA, t(0), RunOutcome.ABANDONED, "Project postponed").value();
        assertThat(abandoned.state()).isEqualTo(RunState.ENDED);
        assertThat(abandoned.startedAt()).isNull();
    }

    @Test
    void aRunThatContradictsItselfIsRefused() {
        assertThatThrownBy(() -> new CutoverRun(RunKind.LIVE, null, T0, Duration.ZERO, RunState.RUNNING, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CutoverRun(RunKind.LIVE, 1, T0, Duration.ZERO, RunState.SCHEDULED, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CutoverRun(RunKind.LIVE, null, T0, Duration.ZERO, RunState.PAUSED, t(0), t(0), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
