package app.cadence.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.RetroAction;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.domain.RetroSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The facilitator's rules: phases forward only, anonymity settled before cards, reveals, the server's timer, actions. */
class RetroSessionTest {

    static final Instant NINE = Instant.parse("2026-12-04T09:00:00Z");

    static RetroSession session(boolean anonymous) {
        RetroSession session = new RetroSession(10L, 20L, 30L, 1L, 3, anonymous, NINE, "pm@acme.example");
        ReflectionTestUtils.setField(session, "id", 99L);
        return session;
    }

    @Test
    void phasesMoveForwardInOrderAndStopAtClosed() {
        RetroSession session = session(true);
        assertThat(session.getPhase()).isEqualTo(RetroPhase.CHECK_IN);
        for (RetroPhase expected : new RetroPhase[] {RetroPhase.REFLECT, RetroPhase.GROUP, RetroPhase.VOTE, RetroPhase.DISCUSS, RetroPhase.ACTIONS,
                RetroPhase.CLOSED}) {
            assertThat(session.advance(NINE)).isEqualTo(expected);
        }
        assertThat(session.getClosedAt()).isEqualTo(NINE);
        assertThatThrownBy(() -> session.advance(NINE)).isInstanceOf(RetroRuleException.class).hasMessageContaining("closed");
    }

    @Test
    void cardsStayHiddenWhileReflectingUntilRevealedOrUntilGroupingStarts() {
        RetroSession session = session(true);
        session.advance(NINE);
        assertThat(session.isCardsRevealed()).isFalse();
        session.revealCards(NINE);
        assertThat(session.isCardsRevealed()).isTrue();

        RetroSession other = session(true);
        other.advance(NINE);
        other.advance(NINE);
        assertThat(other.getPhase()).isEqualTo(RetroPhase.GROUP);
        assertThat(other.isCardsRevealed()).as("grouping needs every card").isTrue();
    }

    @Test
    void ratingsAreRevealedByTheFacilitatorAtCheckInOrWhenReflectingStarts() {
        RetroSession session = session(true);
        assertThat(session.isRatingsRevealed()).isFalse();
        session.revealRatings(NINE);
        assertThat(session.isRatingsRevealed()).isTrue();
        session.advance(NINE);
        assertThatThrownBy(() -> session.revealRatings(NINE)).isInstanceOf(RetroRuleException.class).hasMessageContaining("Check-in");
    }

    @Test
    void anonymityIsSettledBeforeAnyoneWrites() {
        RetroSession session = session(true);
        session.makeAnonymous(false, NINE);
        assertThat(session.isAnonymous()).isFalse();
        session.advance(NINE);
        assertThatThrownBy(() -> session.makeAnonymous(true, NINE)).isInstanceOf(RetroRuleException.class)
                .hasMessageContaining("only in the Check-in phase");
    }

    @Test
    void theTimerIsTheServersAndPausesWithTheTimeLeft() {
        RetroSession session = session(true);
        assertThatThrownBy(() -> session.startTimer(Duration.ofMinutes(5), NINE)).hasMessageContaining("Discuss");
        toDiscuss(session);
        session.discuss(7L, NINE);
        session.startTimer(Duration.ofMinutes(5), NINE);
        assertThat(session.timer(NINE.plusSeconds(60))).isEqualTo(new RetroSession.TimerState(true, Duration.ofMinutes(4), NINE.plusSeconds(300)));
        session.pauseTimer(NINE.plusSeconds(100));
        assertThat(session.timer(NINE.plusSeconds(1000)).left()).as("paused: time stands still").isEqualTo(Duration.ofSeconds(200));
        session.resumeTimer(NINE.plusSeconds(1000));
        assertThat(session.timer(NINE.plusSeconds(1150)).left()).isEqualTo(Duration.ofSeconds(50));
        assertThat(session.timer(NINE.plusSeconds(5000)).left()).as("never below zero").isZero();

        session.discuss(8L, NINE.plusSeconds(1200));
        assertThat(session.timer(NINE.plusSeconds(1200)).running()).as("a new topic starts without a running timer").isFalse();
        assertThatThrownBy(() -> session.startTimer(Duration.ofMinutes(61), NINE)).hasMessageContaining("between 1 and 60");
    }

    @Test
    void aDroppedActionNeedsAReasonAndDoneOneIsClosed() {
        RetroSession session = session(true);
        RetroAction action = new RetroAction(session, null, "Automate the smoke tests", 5L, "Dana", LocalDate.of(2026, 12, 10), NINE, "pm");
        assertThat(action.isOverdue(LocalDate.of(2026, 12, 11))).isTrue();
        assertThatThrownBy(() -> action.settle(ActionStatus.DROPPED, "  ", null, NINE)).isInstanceOf(RetroRuleException.class)
                .hasMessage("Say why the action is dropped.");
        action.settle(ActionStatus.DROPPED, "Replaced by the new pipeline", 100L, NINE);
        assertThat(action.getStatusReason()).isEqualTo("Replaced by the new pipeline");
        assertThat(action.getReviewedInSessionId()).isEqualTo(100L);
        assertThat(action.isOverdue(LocalDate.of(2026, 12, 11))).isFalse();
        assertThatThrownBy(() -> new RetroAction(session, null, " ", 5L, "Dana", null, NINE, "pm")).hasMessage("Say what is to be done.");
    }

    static void toDiscuss(RetroSession session) {
        while (session.getPhase() != RetroPhase.DISCUSS) {
            session.advance(NINE);
        }
    }
}
