package app.cadence.cutover;

import static app.cadence.cutover.Plans.ANA;
import static app.cadence.cutover.Plans.BEN;
import static app.cadence.cutover.Plans.CHLOE;
import static app.cadence.cutover.Plans.T0;
import static app.cadence.cutover.Plans.key;
import static app.cadence.cutover.Plans.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.cadence.cutover.domain.ConditionState;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.DecisionCondition;
import app.cadence.cutover.domain.GoNoGoDecision;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionConditionTest {

    /** Ana leads the run; Ben and Chloe must vote. */
    final GoNoGoDecision open = GoNoGoDecision.open(key("gng"), "Go/no-go 2", ANA, List.of(BEN, CHLOE));
    final GoNoGoDecision withConditions = open.vote(BEN, Verdict.GO_WITH_CONDITIONS, "Hotfix 12 deployed before T+2h", t(-60)).value()
            .vote(CHLOE, Verdict.GO_WITH_CONDITIONS, "Finance signs the opening balances by Monday", t(-50)).value();
    final DecisionCondition bens = DecisionCondition.of(withConditions).getFirst();

    @Test
    void aDecisionTakenWithConditionsSetsOneOpenConditionPerVoteThatAskedForThem() {
        assertThat(DecisionCondition.of(withConditions)).extracting(DecisionCondition::approver, DecisionCondition::text,
                DecisionCondition::setAt, DecisionCondition::state).containsExactly(
                tuple(BEN, "Hotfix 12 deployed before T+2h", t(-60), ConditionState.OPEN),
                tuple(CHLOE, "Finance signs the opening balances by Monday", t(-50), ConditionState.OPEN));
        assertThat(bens.stepKey()).isEqualTo(key("gng"));
        assertThat(bens.decisionTitle()).isEqualTo("Go/no-go 2");
    }

    @Test
    void aDecisionNotTakenOrNotGoingAheadSetsNone() {
        GoNoGoDecision awaiting = open.vote(BEN, Verdict.GO_WITH_CONDITIONS, "Hotfix 12 deployed", t(-60)).value();
        assertThat(DecisionCondition.of(awaiting)).as("votes still awaited").isEmpty();
        GoNoGoDecision noGo = awaiting.vote(CHLOE, Verdict.NO_GO, "Balances do not reconcile", t(-50)).value();
        assertThat(DecisionCondition.of(noGo)).as("the run does not go ahead").isEmpty();
        GoNoGoDecision overruled = noGo.overrule(ANA, "Difference explained", t(-45)).value();
        assertThat(DecisionCondition.of(overruled)).as("it goes ahead after all, on the conditions given")
                .extracting(DecisionCondition::approver).containsExactly(BEN);
        GoNoGoDecision go = open.vote(BEN, Verdict.GO, null, t(-60)).value().vote(CHLOE, Verdict.GO, null, t(-50)).value();
        assertThat(DecisionCondition.of(go)).isEmpty();
    }

    @Test
    void whoeverRunsTheRunOrTheApproverWhoSetItMarksItMetWithAnOptionalNote() {
        Logged<DecisionCondition> byBen = bens.markMet(BEN, false, t(30), "  Hotfix 12 live at 21:10  ");
        assertThat(byBen.value().state()).isEqualTo(ConditionState.MET);
        assertThat(byBen.value().isMet()).isTrue();
        assertThat(byBen.value().changedBy()).isEqualTo(BEN);
        assertThat(byBen.value().changedAt()).isEqualTo(t(30));
        assertThat(byBen.value().note()).isEqualTo("Hotfix 12 live at 21:10");
        assertThat(byBen.entries()).containsExactly(new RunLogEntry(t(30), BEN,
                "Condition met on “Go/no-go 2”: “Hotfix 12 deployed before T+2h” (Ben DBA)", key("gng"), "Hotfix 12 live at 21:10", false));

        Logged<DecisionCondition> byTheLead = bens.markMet(ANA, true, t(31), " ");
        assertThat(byTheLead.value().changedBy()).isEqualTo(ANA);
        assertThat(byTheLead.value().note()).as("the note is optional").isNull();

        assertThatThrownBy(() -> bens.markMet(CHLOE, false, t(30), null)).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Only the run lead, a project manager or Ben DBA, who set this condition, can mark it met.");
        assertThat(bens.mayBeChangedBy(CHLOE, false)).as("another approver's condition").isFalse();
        assertThat(bens.mayBeChangedBy(CHLOE, true)).as("Chloe also runs the run").isTrue();
    }

    @Test
    void aConditionMetIsNotMetTwiceAndIsReopenedWithAReason() {
        DecisionCondition met = bens.markMet(BEN, false, t(30), null).value();
        assertThatThrownBy(() -> met.markMet(ANA, true, t(31), null)).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Ben DBA's condition on “Go/no-go 2” was already marked met by Ben DBA.");
        assertThatThrownBy(() -> bens.reopen(ANA, true, t(31), "Rolled back")).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Ben DBA's condition on “Go/no-go 2” is open; there is nothing to reopen.");
        assertThatThrownBy(() -> met.reopen(ANA, true, t(40), "  ")).isInstanceOf(CutoverRuleException.class)
                .hasMessageContaining("Say why the condition is no longer met");
        assertThatThrownBy(() -> met.reopen(CHLOE, false, t(40), "Not mine to judge")).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Only the run lead, a project manager or Ben DBA, who set this condition, can reopen it.");

        Logged<DecisionCondition> reopened = met.reopen(ANA, true, t(40), "Hotfix 12 rolled back: it broke invoicing");
        assertThat(reopened.value().state()).isEqualTo(ConditionState.OPEN);
        assertThat(reopened.value().changedBy()).isEqualTo(ANA);
        assertThat(reopened.value().note()).isEqualTo("Hotfix 12 rolled back: it broke invoicing");
        assertThat(reopened.entries()).containsExactly(new RunLogEntry(t(40), ANA,
                "Condition reopened on “Go/no-go 2”: “Hotfix 12 deployed before T+2h” (Ben DBA)", key("gng"),
                "Hotfix 12 rolled back: it broke invoicing", false));
        assertThat(reopened.value().markMet(BEN, false, t(50), "Hotfix 13 deployed").value().isMet()).as("met again").isTrue();
    }

    @Test
    void aLongConditionIsQuotedShortInTheLogLine() {
        GoNoGoDecision wordy = open.vote(BEN, Verdict.GO_WITH_CONDITIONS, "x".repeat(500), t(-60)).value()
                .vote(CHLOE, Verdict.GO, null, t(-50)).value();
        RunLogEntry entry = DecisionCondition.of(wordy).getFirst().markMet(BEN, false, t(0), null).entries().getFirst();
        assertThat(entry.what()).hasSizeLessThan(300).contains("…” (Ben DBA)");
    }

    @Test
    void aFinishedRunsConditionsStayAsTheyWere() {
        CutoverRun running = CutoverRun.rehearsal(1, T0, Duration.ofHours(2)).start(ANA, t(-120)).value();
        assertThatCode(running::checkConditionsCanChange).doesNotThrowAnyException();
        CutoverRun paused = running.pause(ANA, t(-100), "Power check").value();
        assertThatCode(paused::checkConditionsCanChange).as("a pause holds the steps, not the follow-up").doesNotThrowAnyException();
        CutoverRun ended = running.end(ANA, t(60), RunOutcome.COMPLETED, null).value();
        assertThatThrownBy(ended::checkConditionsCanChange).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Rehearsal 1 has ended; a finished run is read-only, so its conditions stay as they were at the end.");
    }
}
