package app.cadence.cutover.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.service.RunScreen.LogLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run log draws only the lines a change added on top; anything else is drawn whole. */
class RunLogPanelTest {

    static LogLine line(int minute, String what) {
        return new LogLine(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute), "Ann", what, null, false);
    }

    final LogLine a = line(1, "Started “Freeze”");
    final LogLine b = line(2, "Finished “Freeze”");
    final LogLine c = line(3, "Started “Migrate”");
    final LogLine d = line(4, "Finished “Migrate”");

    @Test
    void linesAddedOnTopAreCounted() {
        assertThat(RunLogPanel.added(List.of(b, a), List.of(d, c, b, a))).isEqualTo(2);
        assertThat(RunLogPanel.added(List.of(b, a), List.of(b, a))).isZero();
    }

    @Test
    void aFullLogDropsItsOldestLinesAndStillCountsOnlyTheNewOnes() {
        assertThat(RunLogPanel.added(List.of(c, b, a), List.of(d, c, b))).isEqualTo(1);
    }

    @Test
    void anythingButLinesOnTopIsDrawnWhole() {
        assertThat(RunLogPanel.added(List.of(), List.of(a))).isEqualTo(-1);
        assertThat(RunLogPanel.added(List.of(b, a), List.of(d, c))).as("none of the drawn lines left").isEqualTo(-1);
        assertThat(RunLogPanel.added(List.of(c, b, a), List.of(d, c, a))).as("a line in between gone").isEqualTo(-1);
        assertThat(RunLogPanel.added(List.of(), List.of())).isZero();
    }
}
