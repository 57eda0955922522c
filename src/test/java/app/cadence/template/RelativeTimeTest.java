package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.template.domain.RelativeTime;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeTimeTest {

    @ParameterizedTest
    @CsvSource({
            "-2d 4h, -3120, -2d 4h",
            "+30m, 30, +30m",
            "30m, 30, +30m",
            "-1h30m, -90, -1h 30m",
            "'  +1D 2H 3M ', 1563, +1d 2h 3m",
            "0, 0, 0m",
            "-0m, 0, 0m"})
    void offsetsAreReadAndShownBackTheSameWay(String typed, int minutes, String shown) {
        assertThat(RelativeTime.parseOffset(typed)).isEqualTo(minutes);
        assertThat(RelativeTime.formatOffset(minutes)).isEqualTo(shown);
    }

    @Test
    void durationsHaveNoSign() {
        assertThat(RelativeTime.parseDuration("1h 30m")).isEqualTo(90);
        assertThat(RelativeTime.formatDuration(90)).isEqualTo("1h 30m");
        assertThatThrownBy(() -> RelativeTime.parseDuration("-1h")).hasMessage("A duration has no sign. " + RelativeTime.HINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two days", "2x", "-", "1h -30m", "2 days"})
    void nonsenseIsRefusedWithAHint(String typed) {
        assertThatThrownBy(() -> RelativeTime.parseOffset(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(RelativeTime.HINT);
    }

    @Test
    void moreThanAYearIsRefused() {
        assertThatThrownBy(() -> RelativeTime.parseOffset("-400d")).hasMessageContaining("more than a year");
        assertThatThrownBy(() -> RelativeTime.parseOffset("99999999999d")).hasMessageContaining("more than a year");
    }

    @Test
    void plannedTimesAreShownWithAUnitOnEveryNumberSoThatTheyCannotBeReadAsAClock() {
        assertThat(RelativeTime.clock(-3120)).isEqualTo("T−2d 4h");
        assertThat(RelativeTime.clock(-1200)).isEqualTo("T−20h");
        assertThat(RelativeTime.clock(30)).isEqualTo("T+30m");
        assertThat(RelativeTime.clock(90)).isEqualTo("T+1h 30m");
        assertThat(RelativeTime.clock(0)).isEqualTo("T0");
    }

    @ParameterizedTest
    @CsvSource({
            "T−2d 4h, -3120",
            "t-1d 4h, -1680",
            "T+30m, 30",
            "T0, 0",
            "−20h, -1200",
            "T 1h 30m, 90"})
    void offsetsAreAlsoReadAsTheyAreShown(String shown, int minutes) {
        assertThat(RelativeTime.parseOffset(shown)).isEqualTo(minutes);
    }

    @ParameterizedTest
    @ValueSource(ints = {-3120, -1680, -1200, -1, 0, 1, 90, 1563, RelativeTime.LIMIT_MINUTES, -RelativeTime.LIMIT_MINUTES})
    void whatIsShownReadsBackToTheSameOffset(int minutes) {
        assertThat(RelativeTime.parseOffset(RelativeTime.clock(minutes))).isEqualTo(minutes);
    }

    @Test
    void aDurationTakesNoTPrefix() {
        assertThatThrownBy(() -> RelativeTime.parseDuration("T1h")).hasMessageEndingWith(RelativeTime.HINT);
        assertThatThrownBy(() -> RelativeTime.parseOffset("T")).hasMessageEndingWith(RelativeTime.HINT);
    }

    @Test
    void wholeDaysAreCalendarDaysAndTheRestIsElapsedTime() {
        ZoneId london = ZoneId.of("Europe/London");
        // T0 on the Monday after the clocks went forward (Sunday 30 March 2025, 01:00 → 02:00).
        ZonedDateTime t0 = ZonedDateTime.of(2025, 3, 31, 6, 0, 0, 0, london);
        assertThat(RelativeTime.at(t0, -2 * 1440)).isEqualTo(ZonedDateTime.of(2025, 3, 29, 6, 0, 0, 0, london));
        assertThat(Duration.between(RelativeTime.at(t0, -2 * 1440), t0)).isEqualTo(Duration.ofHours(47));
        assertThat(RelativeTime.at(t0, -(2 * 1440 + 240))).isEqualTo(ZonedDateTime.of(2025, 3, 29, 2, 0, 0, 0, london));
        assertThat(RelativeTime.at(t0, 90)).isEqualTo(ZonedDateTime.of(2025, 3, 31, 7, 30, 0, 0, london));
    }
}
