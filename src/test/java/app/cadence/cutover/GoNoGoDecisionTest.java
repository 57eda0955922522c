package app.cadence.cutover;

import static app.cadence.cutover.Plans.ANA;
import static app.cadence.cutover.Plans.BEN;
import static app.cadence.cutover.Plans.CHLOE;
import static app.cadence.cutover.Plans.key;
import static app.cadence.cutover.Plans.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.GoNoGoDecision;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.RunLogEntry;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.domain.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoNoGoDecisionTest {

    static final Actor STRANGER = new Actor(99, "Sam Stranger");
    /** Ana leads the run; Ben and Chloe must vote. */
    final GoNoGoDecision open = GoNoGoDecision.open(key("gng"), "Go/no-go 2", ANA, List.of(BEN, CHLOE));

    @Test
    void theDecisionIsTakenWhenEveryRequiredApproverHasVoted() {
        GoNoGoDecision oneVote = open.vote(BEN, Verdict.GO, null, t(-60)).value();
        assertThat(oneVote.isTaken()).isFalse();
        assertThat(oneVote.outcome()).isNull();
        assertThat(oneVote.awaiting()).containsExactly(CHLOE);

        Logged<GoNoGoDecision> both = oneVote.vote(CHLOE, Verdict.GO, "Reconciled to the cent", t(-55));
        assertThat(both.value().isTaken()).isTrue();
        assertThat(both.value().takenAt()).isEqualTo(t(-55));
        assertThat(both.value().outcome()).isEqualTo(Verdict.GO);
        assertThat(both.value().awaiting()).isEmpty();
        assertThat(both.entries()).containsExactly(
                new RunLogEntry(t(-55), CHLOE, "Voted Go on “Go/no-go 2”", key("gng"), "Reconciled to the cent", false),
                new RunLogEntry(t(-55), CHLOE, "Decision on “Go/no-go 2”: Go", key("gng"), null, false));
    }

    @Test
    void anyNoGoMakesItANoGo() {
        GoNoGoDecision decided = open.vote(BEN, Verdict.NO_GO, "Two critical defects open", t(-60)).value()
                .vote(CHLOE, Verdict.GO, null, t(-50)).value();
        assertThat(decided.outcome()).isEqualTo(Verdict.NO_GO);
    }

    @Test
    void conditionsMakeItAGoWithConditionsAndAreListed() {
        GoNoGoDecision decided = open.vote(BEN, Verdict.GO_WITH_CONDITIONS, "Hotfix 12 deployed before T+2h", t(-60)).value()
                .vote(CHLOE, Verdict.GO, null, t(-50)).value();
        assertThat(decided.outcome()).isEqualTo(Verdict.GO_WITH_CONDITIONS);
        assertThat(decided.conditions()).extracting(Vote::approver, Vote::comment)
                .containsExactly(tuple(BEN, "Hotfix 12 deployed before T+2h"));
    }

    @Test
    void aNoGoNeedsAReasonAndConditionsNeedSaying() {
        assertThatThrownBy(() -> open.vote(BEN, Verdict.NO_GO, " ", t(0))).hasMessage("Say why it is a no-go, so that it can be put right.");
        assertThatThrownBy(() -> open.vote(BEN, Verdict.GO_WITH_CONDITIONS, null, t(0))).hasMessage("Say what the conditions are for going ahead.");
    }

    @Test
    void onlyRequiredApproversVote() {
        assertThatThrownBy(() -> open.vote(STRANGER, Verdict.GO, null, t(0)))
                .hasMessage("Only the approvers of “Go/no-go 2” vote on it; ask the run lead to add you as an approver.");
        assertThatThrownBy(() -> open.vote(ANA, Verdict.GO, null, t(0))).as("leading the run is not approving").hasMessageContaining("Only the approvers");
    }

    @Test
    void anApproverIsKnownByAccountNotByTheNameShown() {
        GoNoGoDecision voted = open.vote(new Actor(BEN.accountId(), "Benjamin (renamed)"), Verdict.GO, null, t(0)).value();
        assertThat(voted.awaiting()).containsExactly(CHLOE);
    }

    @Test
    void aVoteCanBeChangedUntilTheDecisionIsTakenAndNotAfter() {
        Logged<GoNoGoDecision> changed = open.vote(BEN, Verdict.NO_GO, "Backup not verified", t(-60)).value()
                .vote(BEN, Verdict.GO, "Backup verified now", t(-58));
        assertThat(changed.value().votes()).singleElement().extracting(Vote::verdict).isEqualTo(Verdict.GO);
        assertThat(changed.entries().getFirst().what()).isEqualTo("Changed vote from No-go to Go on “Go/no-go 2”");

        GoNoGoDecision taken = changed.value().vote(CHLOE, Verdict.GO, null, t(-50)).value();
        assertThatThrownBy(() -> taken.vote(BEN, Verdict.NO_GO, "Second thoughts", t(-40)))
                .hasMessage("The decision on “Go/no-go 2” was taken; the votes are final. Add a note to the run log instead.");
    }

    @Test
    void theRunLeadMayOverruleANoGoWithAReason() {
        GoNoGoDecision noGo = open.vote(BEN, Verdict.NO_GO, "Minor defect open", t(-60)).value()
                .vote(CHLOE, Verdict.GO_WITH_CONDITIONS, "Defect fixed by Monday", t(-50)).value();

        assertThatThrownBy(() -> noGo.overrule(BEN, "I changed my mind", t(-45))).hasMessage("Only the run lead, Ana Lead, can overrule a no-go.");
        assertThatThrownBy(() -> noGo.overrule(ANA, "", t(-45))).hasMessageContaining("Say why the run goes ahead against the no-go");

        Logged<GoNoGoDecision> overruled = noGo.overrule(ANA, "Defect has a workaround; business accepts it", t(-45));
        assertThat(overruled.value().isOverruled()).isTrue();
        assertThat(overruled.value().outcome()).as("as if the no-go had not been cast").isEqualTo(Verdict.GO_WITH_CONDITIONS);
        assertThat(overruled.entries()).containsExactly(new RunLogEntry(t(-45), ANA, "Overruled the no-go on “Go/no-go 2”: Go with conditions",
                key("gng"), "Defect has a workaround; business accepts it", true));
    }

    @Test
    void onlyATakenNoGoCanBeOverruled() {
        assertThatThrownBy(() -> open.overrule(ANA, "Hurry", t(0))).hasMessage("The decision on “Go/no-go 2” is not taken yet; wait for every approver's vote.");
        GoNoGoDecision go = open.vote(BEN, Verdict.GO, null, t(0)).value().vote(CHLOE, Verdict.GO, null, t(1)).value();
        assertThatThrownBy(() -> go.overrule(ANA, "Hurry", t(2))).hasMessage("The decision on “Go/no-go 2” is not a no-go; there is nothing to overrule.");
        GoNoGoDecision noGo = open.vote(BEN, Verdict.NO_GO, "No", t(0)).value().vote(CHLOE, Verdict.GO, null, t(1)).value();
        GoNoGoDecision overruled = noGo.overrule(ANA, "Accepted risk", t(2)).value();
        assertThat(overruled.outcome()).isEqualTo(Verdict.GO);
        assertThatThrownBy(() -> overruled.overrule(ANA, "Again", t(3))).hasMessageContaining("not a no-go");
    }

    @Test
    void aDecisionNeedsApproversEachNamedOnce() {
        assertThatThrownBy(() -> GoNoGoDecision.open(key("gng"), "Go/no-go", ANA, List.of()))
                .hasMessage("A go/no-go decision needs at least one approver: choose who must vote.");
        assertThatThrownBy(() -> GoNoGoDecision.open(key("gng"), "Go/no-go", ANA, List.of(BEN, new Actor(BEN.accountId(), "Ben again"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
