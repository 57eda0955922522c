package app.cadence.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.HypercareRecurrence.DailyAt;
import app.cadence.cutover.domain.HypercareRecurrence.EveryHours;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypercareRecurrenceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static List<String> local(List<ZonedDateTime> occurrences) {
        return occurrences.stream().map(z -> z.toOffsetDateTime().toString()).toList();
    }

    @Test
    void everyNHoursForMDaysStartsNHoursAfterGoLive() {
        List<ZonedDateTime> checks = new EveryHours(8, 1).occurrences(london("2025-06-14T22:00"), LONDON);
        assertThat(local(checks)).containsExactly("2025-06-15T06:00+01:00", "2025-06-15T14:00+01:00", "2025-06-15T22:00+01:00");
    }

    @Test
    void everyNHoursCountsElapsedHoursAcrossTheClocksGoingBack() {
        // The clocks go back on Sunday 26 October 2025 at 02:00 BST → 01:00 GMT: that day has 25 hours.
        List<ZonedDateTime> checks = new EveryHours(6, 2).occurrences(london("2025-10-25T18:00"), LONDON);
        assertThat(local(checks)).containsExactly(
                "2025-10-26T00:00+01:00", "2025-10-26T05:00Z", "2025-10-26T11:00Z", "2025-10-26T17:00Z",
                "2025-10-26T23:00Z", "2025-10-27T05:00Z", "2025-10-27T11:00Z", "2025-10-27T17:00Z");
        assertThat(checks.getLast()).as("the period ends at the same wall-clock time two days on")
                .isBefore(ZonedDateTime.of(2025, 10, 27, 18, 0, 0, 0, LONDON));
    }

    @Test
    void dailyAtATimeKeepsTheWallClockTimeAcrossTheClocksGoingForward() {
        // The clocks go forward on Sunday 30 March 2025 at 01:00 GMT → 02:00 BST.
        List<ZonedDateTime> checks = new DailyAt(LocalTime.of(9, 0), 3).occurrences(london("2025-03-29T10:00"), LONDON);
        assertThat(local(checks)).containsExactly("2025-03-30T09:00+01:00", "2025-03-31T09:00+01:00", "2025-04-01T09:00+01:00");
    }

    @Test
    void dailyAtATimeStartsTheSameDayWhenThatTimeIsStillToCome() {
        List<ZonedDateTime> checks = new DailyAt(LocalTime.of(17, 30), 2).occurrences(london("2025-06-14T09:00"), LONDON);
        assertThat(local(checks)).containsExactly("2025-06-14T17:30+01:00", "2025-06-15T17:30+01:00");
        assertThat(new DailyAt(LocalTime.of(9, 0), 1).occurrences(london("2025-06-14T09:00"), LONDON))
                .as("at the start itself counts").singleElement().isEqualTo(ZonedDateTime.of(2025, 6, 14, 9, 0, 0, 0, LONDON));
    }

    @Test
    void aTimeTheClocksSkipBecomesTheTimeTheyJumpTo() {
        List<ZonedDateTime> checks = new DailyAt(LocalTime.of(1, 30), 3).occurrences(london("2025-03-29T12:00"), LONDON);
        assertThat(local(checks)).containsExactly("2025-03-30T02:30+01:00", "2025-03-31T01:30+01:00", "2025-04-01T01:30+01:00");
    }

    @Test
    void aTimeThatHappensTwiceIsTheFirst() {
        List<ZonedDateTime> checks = new DailyAt(LocalTime.of(1, 30), 1).occurrences(london("2025-10-26T00:00"), LONDON);
        assertThat(local(checks)).containsExactly("2025-10-26T01:30+01:00");
    }

    @Test
    void labelsSayTheRecurrence() {
        assertThat(new EveryHours(4, 3).label()).isEqualTo("Every 4 hours for 3 days");
        assertThat(new EveryHours(1, 1).label()).isEqualTo("Every hour for 1 day");
        assertThat(new DailyAt(LocalTime.of(9, 5), 5).label()).isEqualTo("Daily at 09:05 for 5 days");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new EveryHours(0, 3)).hasMessage("A hypercare check recurs every 1 hour or more.");
        assertThatThrownBy(() -> new EveryHours(4, 0)).hasMessage("Hypercare checks recur for 1 to 90 days.");
        assertThatThrownBy(() -> new DailyAt(LocalTime.NOON, 91)).hasMessage("Hypercare checks recur for 1 to 90 days.");
    }
}
