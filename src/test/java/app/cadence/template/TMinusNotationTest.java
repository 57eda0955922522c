package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.TMinusNotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TMinusNotationTest {

    @ParameterizedTest
    @CsvSource({
            "-PT2H14M5S, T−02:14:05",
            "PT41M10S, T+00:41:10",
            "PT0S, T+00:00:00",
            "-PT28H, T−28:00:00",
            "PT100H0M1S, T+100:00:01"})
    void theRunClockCountsHoursMinutesAndSecondsWithoutDays(String sinceT0, String shown) {
        assertThat(TMinusNotation.clock(Duration.parse(sinceT0))).isEqualTo(shown);
    }

    @Test
    void beforeT0TheClockCountsDownRoundingUpAndAfterItCountsUpRoundingDown() {
        assertThat(TMinusNotation.clock(Duration.ofMillis(-500))).isEqualTo("T−00:00:01");
        assertThat(TMinusNotation.clock(Duration.ofMillis(-1500))).isEqualTo("T−00:00:02");
        assertThat(TMinusNotation.clock(Duration.ofMillis(500))).isEqualTo("T+00:00:00");
        assertThat(TMinusNotation.clock(Duration.ofMillis(1999))).isEqualTo("T+00:00:01");
    }

    @Test
    void theMinusIsTheTypographicMinusSign() {
        assertThat(TMinusNotation.offset(-30)).isEqualTo("T\u221230m");
        assertThat(TMinusNotation.clock(Duration.ofMinutes(-1))).startsWith("T\u2212").doesNotContain("-");
    }

    @Test
    void plannedOffsetsCarryAUnitOnEveryNumber() {
        assertThat(TMinusNotation.offset(-(24 * 60 + 4 * 60))).isEqualTo("T−1d 4h");
        assertThat(TMinusNotation.offset(-20 * 60)).isEqualTo("T−20h");
        assertThat(TMinusNotation.offset(24 * 60 + 1)).isEqualTo("T+1d 1m");
        assertThat(TMinusNotation.offset(0)).isEqualTo("T0");
    }
}
