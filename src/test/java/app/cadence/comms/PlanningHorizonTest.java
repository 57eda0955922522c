package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.comms.domain.OccurrencePlanner;
import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.comms.domain.Recurrence;
import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.template.domain.NonWorkingDayRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Writing a plan in windows writes each of its occurrences exactly once, whatever the windows. */
class PlanningHorizonTest {

    // Weekly on Friday and Saturday, a Saturday moved to the Friday before: each weekend is one occurrence.
    static final List<PlannedOccurrence> PLAN = OccurrencePlanner.plan(new Recurrence.Weekly(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), 1),
            LocalTime.of(9, 0), ZoneOffset.UTC, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), WorkingCalendar.WEEKDAYS,
            NonWorkingDayRule.PREVIOUS_WORKING_DAY);

    @Test
    void windowsOfAnySizeWriteThePlanOnceAndMarkItWrittenAtTheEnd() {
        for (int step : List.of(1, 3, 7, 30)) {
            LocalDate mark = null;
            List<PlannedOccurrence> written = new java.util.ArrayList<>();
            for (LocalDate until = LocalDate.of(2026, 12, 31); mark == null || !mark.equals(PlanningHorizon.ALL_WRITTEN); until = until.plusDays(step)) {
                written.addAll(PlanningHorizon.toWrite(PLAN, mark, until));
                mark = PlanningHorizon.mark(PLAN, mark, until);
            }
            assertThat(written).as("windows of %d days", step).isEqualTo(PLAN);
        }
        assertThat(PLAN).extracting(PlannedOccurrence::day).doesNotHaveDuplicates().allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY);
    }

    @Test
    void whatIsWrittenAndWhatLiesBeyondSplitThePlan() {
        LocalDate mark = LocalDate.of(2027, 2, 5);
        List<PlannedOccurrence> written = PlanningHorizon.written(PLAN, mark);
        List<PlannedOccurrence> beyond = PlanningHorizon.beyond(PLAN, mark);
        assertThat(Stream.concat(written.stream(), beyond.stream()).toList()).isEqualTo(PLAN);
        assertThat(written).allMatch(p -> !p.scheduledFor().isAfter(mark));
        assertThat(beyond).allMatch(p -> p.scheduledFor().isAfter(mark));
        assertThat(PlanningHorizon.written(PLAN, null)).isEmpty();
        assertThat(PlanningHorizon.beyond(PLAN, null)).isEqualTo(PLAN);
    }

    @Test
    void aMarkNeverMovesBackAndTheHorizonIsEightWeeks() {
        LocalDate today = LocalDate.of(2027, 1, 4);
        assertThat(PlanningHorizon.until(today)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(PlanningHorizon.mark(PLAN, LocalDate.of(2027, 2, 20), LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(PlanningHorizon.mark(List.of(), null, today)).as("nothing to plan: written").isEqualTo(PlanningHorizon.ALL_WRITTEN);
    }
}
