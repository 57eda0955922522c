package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.template.domain.RelativeTime;
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
    void theClockShowsTMinusTimes() {
        assertThat(RelativeTime.clock(-3120)).isEqualTo("T-2d 04:00");
        assertThat(RelativeTime.clock(30)).isEqualTo("T+00:30");
        assertThat(RelativeTime.clock(0)).isEqualTo("T0");
    }
}
