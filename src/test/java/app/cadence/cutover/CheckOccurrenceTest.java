package app.cadence.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.CheckOccurrence;
import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.domain.CutoverRuleException;
import app.cadence.cutover.domain.HypercareExit;
import app.cadence.cutover.service.HypercareBoard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of one dated hypercare check, and how the panel's days are ordered. */
class CheckOccurrenceTest {

    static final Actor ANA = new Actor(1, "Ana");
    static final UUID STEP = UUID.randomUUID();
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant NINE = Instant.parse("2026-05-12T09:00:00Z");

    @Test
    void aCheckIsTickedFromAnHourBeforeItIsDueButNotBeforeThePreviousOneIsDue() {
        CheckOccurrence daily = CheckOccurrence.open(2, NINE);
        assertThat(daily.opensAt(NINE.minus(Duration.ofDays(1)))).isEqualTo(NINE.minus(Duration.ofHours(1)));
        assertThat(CheckOccurrence.open(2, NINE).opensAt(NINE.minus(Duration.ofMinutes(20)))).as("every 20 minutes").isEqualTo(NINE.minus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> daily.tick(STEP, "Stand-up", UTC, ANA, NINE.minus(Duration.ofMinutes(61)), null, null))
                .isInstanceOf(CutoverRuleException.class).hasMessage("“Stand-up” is due Tue 12 May 09:00; it can be ticked from Tue 12 May 08:00.");
        var done = daily.tick(STEP, "Stand-up", UTC, ANA, NINE.minus(Duration.ofMinutes(5)), null, "  All green ");
        assertThat(done.value().state()).isEqualTo(CheckState.DONE);
        assertThat(done.value().note()).isEqualTo("All green");
        assertThat(done.entries()).singleElement().satisfies(e -> {
            assertThat(e.what()).isEqualTo("Check done “Stand-up” (due Tue 12 May 09:00)");
            assertThat(e.stepKey()).isEqualTo(STEP);
        });
        assertThatThrownBy(() -> done.value().miss(STEP, "Stand-up", UTC, ANA, NINE.plus(Duration.ofHours(2)), "late"))
                .isInstanceOf(CutoverRuleException.class).hasMessage("“Stand-up” of Tue 12 May 09:00 is already done (Ana).");
    }

    @Test
    void aCheckIsMissedWithAReasonOnceDueAndOverdueAnHourOrItsDurationAfterwards() {
        CheckOccurrence check = CheckOccurrence.open(1, NINE);
        assertThatThrownBy(() -> check.miss(STEP, "Stand-up", UTC, ANA, NINE.minusSeconds(1), "nobody")).isInstanceOf(CutoverRuleException.class);
        assertThatThrownBy(() -> check.miss(STEP, "Stand-up", UTC, ANA, NINE, null)).isInstanceOf(CutoverRuleException.class)
                .hasMessage("Say why “Stand-up” of Tue 12 May 09:00 was missed.");
        assertThat(check.miss(STEP, "Stand-up", UTC, ANA, NINE, "Site closed").value().state()).isEqualTo(CheckState.MISSED);
        assertThat(check.overdue(NINE.plus(Duration.ofMinutes(60)), Duration.ofMinutes(30))).isFalse();
        assertThat(check.overdue(NINE.plus(Duration.ofMinutes(61)), Duration.ofMinutes(30))).isTrue();
        assertThat(check.overdue(NINE.plus(Duration.ofMinutes(61)), Duration.ofHours(2))).isFalse();
    }

    @Test
    void closingHypercareMissesWhatWasDueAndDropsWhatIsAhead() {
        assertThat(CheckOccurrence.open(1, NINE).closed(ANA, NINE).state()).isEqualTo(CheckState.MISSED);
        assertThat(CheckOccurrence.open(2, NINE.plusSeconds(1)).closed(ANA, NINE).state()).isEqualTo(CheckState.CLOSED);
        CheckOccurrence done = CheckOccurrence.open(3, NINE).tick(STEP, "S", UTC, ANA, NINE, null, null).value();
        assertThat(done.closed(ANA, NINE.plusSeconds(60))).isEqualTo(done);
        assertThat(CheckOccurrence.summary(List.of(done, CheckOccurrence.open(1, NINE).closed(ANA, NINE),
                CheckOccurrence.open(2, NINE.plusSeconds(1)).closed(ANA, NINE)))).isEqualTo("1 of 3 checks done, 1 missed, 1 not needed (hypercare closed)");
        assertThatThrownBy(() -> HypercareExit.sign(ANA, NINE, " ")).isInstanceOf(CutoverRuleException.class);
    }

    @Test
    void thePanelShowsTodayFirstThenTheDaysAheadThenThePastMostRecentFirst() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant now = Instant.parse("2026-05-12T23:30:00Z"); // already the 13th in London
        List<HypercareBoard.Occurrence> occurrences = java.util.stream.Stream.of(
                "2026-05-10T08:00:00Z", "2026-05-11T08:00:00Z", "2026-05-12T23:00:00Z", "2026-05-13T08:00:00Z", "2026-05-14T08:00:00Z",
                "2026-05-15T08:00:00Z").map(at -> new HypercareBoard.Occurrence(1L, STEP, "Stand-up", 1, Instant.parse(at), CheckState.OPEN,
                null, null, null, false, false, false)).toList();
        HypercareBoard board = new HypercareBoard(1L, london, now, List.of(), occurrences, null);
        assertThat(board.days()).extracting(HypercareBoard.Day::date).containsExactly(LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 10));
        assertThat(board.days().getFirst().today()).isTrue();
        assertThat(board.days().getFirst().occurrences()).hasSize(2);
    }
}
