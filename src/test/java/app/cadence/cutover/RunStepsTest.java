package app.cadence.cutover;

import static app.cadence.cutover.Plans.ANA;
import static app.cadence.cutover.Plans.BEN;
import static app.cadence.cutover.Plans.evidenced;
import static app.cadence.cutover.Plans.key;
import static app.cadence.cutover.Plans.rollbackStep;
import static app.cadence.cutover.Plans.runbook;
import static app.cadence.cutover.Plans.step;
import static app.cadence.cutover.Plans.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.StepProgress;
import app.cadence.cutover.domain.StepState;
import app.cadence.shared.domain.RuleViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStepsTest {

    /** extract → load → reconcile, and a parallel comms step; rollback: restore after extract. */
    private final Runbook runbook = runbook(
            step("extract", 0, 60),
            step("load", 60, 120, "extract"),
            evidenced("reconcile", 180, 60, "load"),
            step("notify", 0, 15),
            rollbackStep("restore", 240, 60, "extract"),
            rollbackStep("tell users", 300, 15, "restore"));

    private final RunSteps fresh = RunSteps.fresh(runbook);

    @Test
    void aNewRunHasTheStepsWithoutPredecessorsReadyAndTheRollbackBranchWaiting() {
        assertThat(fresh.state(key("extract"))).isEqualTo(StepState.READY);
        assertThat(fresh.state(key("notify"))).isEqualTo(StepState.READY);
        assertThat(fresh.state(key("load"))).isEqualTo(StepState.WAITING);
        assertThat(fresh.state(key("restore"))).isEqualTo(StepState.WAITING);
        assertThat(fresh.openPredecessors(key("load"))).extracting(s -> s.title()).containsExactly("extract");
    }

    @Test
    void startingRecordsWhoAndWhenAndDoneMakesTheNextStepReady() {
        Logged<RunSteps> started = fresh.start(key("extract"), BEN, t(1), null);
        StepProgress extract = started.value().progress(key("extract"));
        assertThat(extract.state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(extract.startedAt()).isEqualTo(t(1));
        assertThat(extract.startedBy()).isEqualTo(BEN);
        assertThat(started.entries()).containsExactly(new RunLogEntry(t(1), BEN, "Started “extract”", key("extract"), null, false));

        Logged<RunSteps> done = started.value().complete(key("extract"), BEN, t(55), null, null);
        assertThat(done.value().progress(key("extract"))).extracting(StepProgress::state, StepProgress::finishedAt, StepProgress::finishedBy)
                .containsExactly(StepState.DONE, t(55), BEN);
        assertThat(done.value().state(key("load"))).isEqualTo(StepState.READY);
        assertThat(done.value().newlyReady(started.value())).containsExactly(key("load"));
        assertThat(done.entries()).singleElement().extracting(RunLogEntry::what).isEqualTo("Done “extract”");
        // Immutable: the earlier value is unchanged.
        assertThat(started.value().state(key("load"))).isEqualTo(StepState.WAITING);
    }

    @Test
    void aReadyStepCanBeMarkedDoneAtOnceStartingAndFinishingTogether() {
        StepProgress notify = fresh.complete(key("notify"), ANA, t(3), null, null).value().progress(key("notify"));
        assertThat(notify.state()).isEqualTo(StepState.DONE);
        assertThat(notify.startedAt()).isEqualTo(t(3));
        assertThat(notify.finishedAt()).isEqualTo(t(3));
    }

    @Test
    void startingAWaitingStepNeedsAnOverrideWithAReasonWhichIsRecorded() {
        assertThatThrownBy(() -> fresh.start(key("load"), BEN, t(1), null))
                .isInstanceOf(CutoverRuleException.class).isInstanceOf(RuleViolationException.class)
                .hasMessage("“load” is waiting for “extract”. To start it anyway, override with a reason.");
        assertThatThrownBy(() -> fresh.start(key("load"), BEN, t(1), "   ")).hasMessageContaining("override with a reason");

        Logged<RunSteps> overridden = fresh.start(key("load"), BEN, t(1), " Extract ran in the rehearsal window ");
        assertThat(overridden.value().state(key("load"))).isEqualTo(StepState.IN_PROGRESS);
        assertThat(overridden.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.override()).isTrue();
            assertThat(entry.reason()).isEqualTo("Extract ran in the rehearsal window");
        });
    }

    @Test
    void anOverrideReasonIsIgnoredWhenNoneIsNeeded() {
        RunLogEntry entry = fresh.start(key("extract"), BEN, t(1), "just because").entries().getFirst();
        assertThat(entry.override()).isFalse();
        assertThat(entry.reason()).isNull();
    }

    @Test
    void markingAWaitingStepDoneNeedsTheOverrideToo() {
        assertThatThrownBy(() -> fresh.complete(key("load"), BEN, t(1), null, null)).hasMessage(
                "“load” is waiting for “extract”. To mark as done it anyway, override with a reason.");
        assertThat(fresh.complete(key("load"), BEN, t(1), null, "Loaded by hand").entries().getFirst().override()).isTrue();
    }

    @Test
    void evidenceIsRequiredWhereTheStepSaysSo() {
        RunSteps atReconcile = doneThrough("extract", "load");
        assertThatThrownBy(() -> atReconcile.complete(key("reconcile"), ANA, t(200), " ", null))
                .hasMessage("“reconcile” needs evidence: add a link or a note that shows it was done.");
        Logged<RunSteps> done = atReconcile.complete(key("reconcile"), ANA, t(200), "https://wiki/recon-42", null);
        assertThat(done.value().progress(key("reconcile")).evidence()).isEqualTo("https://wiki/recon-42");
        assertThat(done.entries().getFirst().what()).isEqualTo("Done “reconcile” — evidence: https://wiki/recon-42");
    }

    @Test
    void aSkippedStepNeedsAReasonAndLetsTheNextStepsStart() {
        assertThatThrownBy(() -> fresh.skip(key("extract"), ANA, t(0), null)).hasMessage("Say why “extract” is skipped.");
        Logged<RunSteps> skipped = fresh.skip(key("extract"), ANA, t(0), "Data already in place");
        assertThat(skipped.value().progress(key("extract"))).extracting(StepProgress::state, StepProgress::reason, StepProgress::startedAt)
                .containsExactly(StepState.SKIPPED, "Data already in place", null);
        assertThat(skipped.value().state(key("load"))).isEqualTo(StepState.READY);
    }

    @Test
    void aFailedStepNeedsAReasonAndHoldsTheStepsAfterIt() {
        RunSteps inProgress = fresh.start(key("extract"), BEN, t(0), null).value();
        assertThatThrownBy(() -> fresh.fail(key("extract"), BEN, t(5), "Disk full"))
                .hasMessage("“extract” is ready; only a step in progress can fail. Start it first, or skip it with a reason.");
        assertThatThrownBy(() -> inProgress.fail(key("extract"), BEN, t(5), "")).hasMessage("Say what went wrong with “extract”.");

        RunSteps failed = inProgress.fail(key("extract"), BEN, t(5), "Disk full").value();
        assertThat(failed.state(key("extract"))).isEqualTo(StepState.FAILED);
        assertThat(failed.progress(key("extract")).reason()).isEqualTo("Disk full");
        assertThat(failed.state(key("load"))).isEqualTo(StepState.WAITING);
    }

    @Test
    void aFailedStepIsRetriedByTakingItBackToInProgressWithAReason() {
        RunSteps failed = fresh.start(key("extract"), BEN, t(0), null).value().fail(key("extract"), BEN, t(5), "Disk full").value();
        assertThatThrownBy(() -> failed.backToInProgress(key("extract"), BEN, t(6), null))
                .hasMessage("Say why “extract” goes back to in progress.");
        Logged<RunSteps> retried = failed.backToInProgress(key("extract"), ANA, t(6), "Disk extended");
        assertThat(retried.value().progress(key("extract"))).extracting(StepProgress::state, StepProgress::startedAt, StepProgress::startedBy,
                StepProgress::finishedAt, StepProgress::reason).containsExactly(StepState.IN_PROGRESS, t(0), BEN, null, null);
        assertThat(retried.entries()).containsExactly(
                new RunLogEntry(t(6), ANA, "Back to in progress “extract”", key("extract"), "Disk extended", false));
    }

    @Test
    void undoingADoneStepBackToReadyClearsItsActualsAndMakesTheNextStepWaitAgain() {
        RunSteps done = doneThrough("extract");
        assertThat(done.state(key("load"))).isEqualTo(StepState.READY);

        Logged<RunSteps> undone = done.backToReady(key("extract"), ANA, t(70), "Ticked by mistake");
        assertThat(undone.value().progress(key("extract"))).extracting(StepProgress::state, StepProgress::startedAt, StepProgress::finishedAt)
                .containsExactly(StepState.READY, null, null);
        assertThat(undone.value().state(key("load"))).isEqualTo(StepState.WAITING);
        assertThat(undone.entries().getFirst()).extracting(RunLogEntry::what, RunLogEntry::reason)
                .containsExactly("Back to ready “extract”", "Ticked by mistake");
    }

    @Test
    void undoingAStepWhosePredecessorWasReopenedLeavesItWaiting() {
        RunSteps loadStarted = doneThrough("extract").start(key("load"), BEN, t(60), null).value()
                .backToReady(key("extract"), ANA, t(61), "Wrong file extracted").value();
        assertThat(loadStarted.state(key("load"))).as("a started step keeps its state").isEqualTo(StepState.IN_PROGRESS);

        Logged<RunSteps> loadUndone = loadStarted.backToReady(key("load"), ANA, t(62), "Stop the load");
        assertThat(loadUndone.value().state(key("load"))).isEqualTo(StepState.WAITING);
        assertThat(loadUndone.entries().getFirst().what()).isEqualTo("Back to waiting “load”");
    }

    @Test
    void illegalTransitionsAreRefusedWithASentenceForTheUser() {
        RunSteps inProgress = fresh.start(key("extract"), BEN, t(0), null).value();
        RunSteps done = doneThrough("extract");
        assertThatThrownBy(() -> inProgress.start(key("extract"), BEN, t(1), null)).hasMessage("“extract” is already in progress.");
        assertThatThrownBy(() -> done.start(key("extract"), BEN, t(1), null))
                .hasMessage("“extract” is already done; to redo it, first take it back with a reason.");
        assertThatThrownBy(() -> done.skip(key("extract"), BEN, t(1), "why not"))
                .hasMessage("“extract” is done; only a step not finished can be skipped.");
        assertThatThrownBy(() -> inProgress.backToInProgress(key("extract"), BEN, t(1), "oops"))
                .hasMessage("“extract” is in progress; only a done, skipped or failed step can go back to in progress.");
        assertThatThrownBy(() -> fresh.backToReady(key("extract"), BEN, t(1), "oops"))
                .hasMessage("“extract” has not started; there is nothing to undo.");
        assertThatThrownBy(() -> inProgress.complete(key("extract"), BEN, t(-1), null, null))
                .hasMessage("“extract” cannot be done before it started; check the time.");
    }

    @Test
    void rollbackStepsCannotStartOrBeSkippedBeforeRollbackIsInvoked() {
        assertThatThrownBy(() -> fresh.start(key("restore"), BEN, t(0), "I insist"))
                .hasMessage("“restore” is a rollback step: it can start only once rollback is invoked.");
        assertThatThrownBy(() -> fresh.skip(key("restore"), BEN, t(0), "Not needed"))
                .hasMessage("“restore” is a rollback step: it can be skipped only once rollback is invoked.");
    }

    @Test
    void aReasonIsANoteNotAnEssay() {
        assertThatThrownBy(() -> fresh.skip(key("extract"), ANA, t(0), "x".repeat(2_001)))
                .hasMessage("Keep it to 2000 characters; attach longer notes as evidence.");
        assertThat(fresh.skip(key("extract"), ANA, t(0), "x".repeat(2_000)).value().state(key("extract"))).isEqualTo(StepState.SKIPPED);
    }

    @Test
    void invokingRollbackAbandonsTheForwardStepsNotFinishedAndMakesTheRollbackBranchReady() {
        RunSteps midway = doneThrough("extract").start(key("load"), BEN, t(60), null).value();
        assertThatThrownBy(() -> midway.invokeRollback(ANA, t(90), " ")).hasMessageContaining("Say why rollback is invoked");

        Logged<RunSteps> invoked = midway.invokeRollback(ANA, t(90), "Load corrupts balances");
        RunSteps after = invoked.value();
        assertThat(after.rollbackInvoked()).isTrue();
        assertThat(after.rollback().at()).isEqualTo(t(90));
        assertThat(after.state(key("extract"))).isEqualTo(StepState.DONE);
        assertThat(after.state(key("load"))).isEqualTo(StepState.ABANDONED);
        assertThat(after.progress(key("load")).startedAt()).as("when it was started stays on record").isEqualTo(t(60));
        assertThat(after.state(key("reconcile"))).isEqualTo(StepState.ABANDONED);
        assertThat(after.state(key("notify"))).isEqualTo(StepState.ABANDONED);
        assertThat(after.state(key("restore"))).isEqualTo(StepState.READY);
        assertThat(after.state(key("tell users"))).isEqualTo(StepState.WAITING);
        assertThat(after.newlyReady(midway)).containsExactly(key("restore"));
        assertThat(invoked.entries()).containsExactly(new RunLogEntry(t(90), ANA, "Rollback invoked", null, "Load corrupts balances", false));

        assertThatThrownBy(() -> after.complete(key("load"), BEN, t(91), null, null))
                .hasMessage("“load” was abandoned when rollback was invoked; it no longer changes.");
        assertThatThrownBy(() -> after.backToReady(key("extract"), BEN, t(91), "redo"))
                .hasMessage("Rollback has been invoked: “extract” and the other forward steps no longer change.");
        assertThatThrownBy(() -> after.invokeRollback(BEN, t(92), "again"))
                .hasMessage("Rollback was already invoked by Ana Lead; the rollback steps are under way.");
        RunSteps restoring = after.start(key("restore"), BEN, t(91), null).value();
        assertThat(restoring.state(key("restore"))).isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void aRollbackStepDoesNotWaitForAForwardPredecessorThatFailed() {
        RunSteps failed = fresh.start(key("extract"), BEN, t(0), null).value().fail(key("extract"), BEN, t(5), "Source unreadable").value();
        RunSteps after = failed.invokeRollback(ANA, t(6), "Cannot extract").value();
        assertThat(after.state(key("extract"))).isEqualTo(StepState.FAILED);
        assertThat(after.state(key("restore"))).isEqualTo(StepState.READY);
    }

    @Test
    void aRestoredRunRecomputesWaitingAndReadyFromWhatIsStored() {
        RunSteps done = doneThrough("extract");
        StepProgress staleLoad = new StepProgress(key("load"), StepState.WAITING, null, null, null, null, null, null);
        RunSteps restored = RunSteps.restore(runbook, List.of(done.progress(key("extract")), staleLoad), null);
        assertThat(restored.state(key("load"))).isEqualTo(StepState.READY);
        assertThat(restored.state(key("notify"))).as("no stored row: not started").isEqualTo(StepState.READY);
        assertThat(restored.all()).hasSize(runbook.size());

        RunSteps rolledBack = RunSteps.restore(runbook, List.of(done.progress(key("extract"))),
                done.invokeRollback(ANA, t(90), "why").value().rollback());
        assertThat(rolledBack.state(key("load"))).isEqualTo(StepState.ABANDONED);
        assertThat(rolledBack.state(key("restore"))).isEqualTo(StepState.READY);
    }

    @Test
    void aStepProgressThatContradictsItselfIsRefused() {
        assertThatThrownBy(() -> new StepProgress(key("a"), StepState.DONE, t(0), BEN, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepProgress(key("a"), StepState.IN_PROGRESS, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepProgress(key("a"), StepState.DONE, t(5), BEN, t(4), BEN, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForwardStepIgnoresAPredecessorInTheRollbackBranch() {
        Runbook odd = runbook(rollbackStep("rb", 0, 10), step("after rb", 10, 10, "rb"));
        assertThat(RunSteps.fresh(odd).state(key("after rb"))).isEqualTo(StepState.READY);
    }

    private RunSteps doneThrough(String... names) {
        RunSteps steps = fresh;
        int minute = 0;
        for (String name : names) {
            steps = steps.start(key(name), BEN, t(minute), null).value().complete(key(name), BEN, t(minute + 50), "proof", null).value();
            minute += 60;
        }
        return steps;
    }
}
