package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.comms.domain.OccurrencePlanner;
import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
import app.cadence.comms.domain.Recurrence;
import app.cadence.comms.domain.Replanning;
import app.cadence.comms.domain.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A communication plan's cadences as dated occurrences (issue C9): daily on working days, weekly
 * and every n weeks on chosen weekdays, monthly on a day or the n-th weekday, quarterly, relative
 * to a milestone; month ends and leap days; daylight saving both ways; holidays and moves to a
 * working day; re-planning that never touches the past.
 */
class RecurrenceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WorkingCalendar WEEKDAYS = WorkingCalendar.WEEKDAYS;

    static List<LocalDate> days(Recurrence recurrence, String start, String end) {
        return recurrence.days(LocalDate.parse(start), LocalDate.parse(end), WEEKDAYS);
    }

    static List<PlannedOccurrence> plan(Recurrence recurrence, String at, String start, String end, WorkingCalendar calendar,
                                        NonWorkingDayRule rule) {
        return OccurrencePlanner.plan(recurrence, LocalTime.parse(at), LONDON, LocalDate.parse(start), LocalDate.parse(end), calendar, rule);
    }

    static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    @Test
    void aDailyStandUpFallsOnEveryWorkingDayAndNotOnTheHolidays() {
        WorkingCalendar calendar = WEEKDAYS.withHolidays(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")));
        List<PlannedOccurrence> planned = plan(new Recurrence.DailyOnWorkingDays(), "09:15", "2026-12-23", "2026-12-31", calendar,
                NonWorkingDayRule.KEEP);
        assertThat(planned).extracting(PlannedOccurrence::day).containsExactlyElementsOf(dates("2026-12-23", "2026-12-24", "2026-12-29",
                "2026-12-30", "2026-12-31"));
        assertThat(planned.getFirst().dueAt()).isEqualTo(ZonedDateTime.of(2026, 12, 23, 9, 15, 0, 0, LONDON).toInstant());
    }

    @Test
    void fridaysAtThreeFallOnFridaysAtThreeAndFortnightlyCountsFromThePlansFirstWeek() {
        List<PlannedOccurrence> weekly = plan(new Recurrence.Weekly(Set.of(DayOfWeek.FRIDAY), 1), "15:00", "2026-12-01", "2026-12-31", WEEKDAYS,
                NonWorkingDayRule.KEEP);
        assertThat(weekly).extracting(PlannedOccurrence::day).containsExactlyElementsOf(dates("2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"));
        assertThat(weekly).allSatisfy(o -> assertThat(o.dueAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(15, 0)));

        assertThat(days(new Recurrence.Weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 2), "2026-12-02", "2026-12-31"))
                .as("the start week counts as week one, even from its Wednesday").containsExactlyElementsOf(dates("2026-12-03", "2026-12-14",
                        "2026-12-17", "2026-12-28", "2026-12-31"));
    }

    @Test
    void theThirtyFirstIsEachMonthsLastDayWhenItHasNoneAndTheTwentyNinthOfFebruaryOnlyInALeapYear() {
        assertThat(days(new Recurrence.MonthlyOnDay(31, 1), "2027-01-01", "2027-05-31"))
                .containsExactlyElementsOf(dates("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"));
        assertThat(days(new Recurrence.MonthlyOnDay(30, 1), "2028-01-15", "2028-03-31"))
                .containsExactlyElementsOf(dates("2028-01-30", "2028-02-29", "2028-03-30"));
        assertThat(days(new Recurrence.MonthlyOnDay(29, 12), "2027-02-01", "2029-03-01"))
                .as("a common year's February ends on the 28th; 2028 is a leap year")
                .containsExactlyElementsOf(dates("2027-02-28", "2028-02-29", "2029-02-28"));
    }

    @Test
    void theNthWeekdayAndTheLastOneOfTheMonth() {
        assertThat(days(new Recurrence.MonthlyOnWeekday(1, DayOfWeek.MONDAY, 1), "2026-12-01", "2027-03-31"))
                .containsExactlyElementsOf(dates("2026-12-07", "2027-01-04", "2027-02-01", "2027-03-01"));
        assertThat(days(new Recurrence.MonthlyOnWeekday(-1, DayOfWeek.FRIDAY, 1), "2027-01-01", "2027-03-31"))
                .containsExactlyElementsOf(dates("2027-01-29", "2027-02-26", "2027-03-26"));
        assertThatThrownBy(() -> new Recurrence.MonthlyOnWeekday(5, DayOfWeek.MONDAY, 1)).hasMessageContaining("first to fourth");
    }

    @Test
    void quarterlyIsEveryThirdMonthFromThePlansStart() {
        assertThat(days(new Recurrence.MonthlyOnDay(15, 3), "2026-11-20", "2027-12-31"))
                .as("November's 15th is before the plan starts").containsExactlyElementsOf(dates("2027-02-15", "2027-05-15", "2027-08-15", "2027-11-15"));
    }

    @Test
    void relativeToAMilestoneCountsDaysEitherWayAndStaysInsideThePlan() {
        Recurrence aroundGoLive = new Recurrence.RelativeToMilestone(LocalDate.parse("2027-02-06"), List.of(1, -10, -1));
        assertThat(days(aroundGoLive, "2027-01-01", "2027-03-31")).containsExactlyElementsOf(dates("2027-01-27", "2027-02-05", "2027-02-07"));
        assertThat(days(aroundGoLive, "2027-02-01", "2027-02-06")).containsExactlyElementsOf(dates("2027-02-05"));
        assertThat(days(new Recurrence.Once(LocalDate.parse("2027-01-15")), "2027-02-01", "2027-03-01")).isEmpty();
    }

    @Test
    void aDayOffMovesToTheWorkingDayBeforeOrAfterAsTheEntrySaysAndTwoMovesOntoOneDayAreOneOccurrence() {
        WorkingCalendar calendar = WEEKDAYS.withHolidays(Set.of(LocalDate.parse("2027-04-02"))); // Good Friday
        Recurrence sunday = new Recurrence.Once(LocalDate.parse("2027-04-04"));
        assertThat(plan(sunday, "17:00", "2027-03-01", "2027-04-30", calendar, NonWorkingDayRule.PREVIOUS_WORKING_DAY))
                .singleElement().satisfies(o -> {
                    assertThat(o.day()).as("Saturday, Friday (a holiday): Thursday").isEqualTo(LocalDate.parse("2027-04-01"));
                    assertThat(o.moved()).isTrue();
                });
        assertThat(plan(sunday, "17:00", "2027-03-01", "2027-04-30", calendar, NonWorkingDayRule.NEXT_WORKING_DAY))
                .singleElement().extracting(PlannedOccurrence::day).isEqualTo(LocalDate.parse("2027-04-05"));
        assertThat(plan(sunday, "17:00", "2027-03-01", "2027-04-30", calendar, NonWorkingDayRule.KEEP))
                .singleElement().extracting(PlannedOccurrence::moved).isEqualTo(false);

        Recurrence weekend = new Recurrence.Weekly(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 1);
        assertThat(plan(weekend, "10:00", "2027-03-06", "2027-03-07", calendar, NonWorkingDayRule.NEXT_WORKING_DAY))
                .singleElement().extracting(PlannedOccurrence::day).isEqualTo(LocalDate.parse("2027-03-08"));
    }

    @Test
    void daylightSavingKeepsTheWallClockTimeAndResolvesTheMissingAndTheRepeatedHour() {
        Recurrence daily = new Recurrence.Weekly(Set.of(DayOfWeek.values()), 1);
        // Clocks go forward at 01:00 on 28 March 2027, back at 02:00 on 31 October 2027 (Europe/London).
        List<PlannedOccurrence> spring = plan(daily, "09:00", "2027-03-27", "2027-03-29", WEEKDAYS, NonWorkingDayRule.KEEP);
        assertThat(spring).extracting(o -> o.dueAt().atZone(LONDON).toLocalTime()).containsOnly(LocalTime.of(9, 0));
        assertThat(java.time.Duration.between(spring.get(0).dueAt(), spring.get(1).dueAt())).as("a 23-hour day").hasHours(23);

        assertThat(plan(daily, "01:30", "2027-03-28", "2027-03-28", WEEKDAYS, NonWorkingDayRule.KEEP)).singleElement()
                .satisfies(o -> assertThat(o.dueAt().atZone(LONDON).toLocalTime()).as("01:30 does not exist: after the gap").isEqualTo(LocalTime.of(2, 30)));
        assertThat(plan(daily, "01:30", "2027-10-31", "2027-10-31", WEEKDAYS, NonWorkingDayRule.KEEP)).singleElement()
                .satisfies(o -> assertThat(o.dueAt()).as("01:30 happens twice: the first, still summer time")
                        .isEqualTo(Instant.parse("2027-10-31T00:30:00Z")));
    }

    @Test
    void aNewCadenceReplansTheFutureAndNeverThePast() {
        Instant now = Instant.parse("2027-01-15T12:00:00Z");
        List<Replanning.Existing> existing = List.of(
                new Replanning.Existing(1L, Instant.parse("2027-01-08T15:00:00Z"), Replanning.Status.SENT),
                new Replanning.Existing(2L, Instant.parse("2027-01-14T15:00:00Z"), Replanning.Status.PLANNED),
                new Replanning.Existing(3L, Instant.parse("2027-01-22T15:00:00Z"), Replanning.Status.DRAFTED),
                new Replanning.Existing(4L, Instant.parse("2027-01-29T15:00:00Z"), Replanning.Status.PLANNED));
        List<PlannedOccurrence> mondays = plan(new Recurrence.Weekly(Set.of(DayOfWeek.MONDAY), 1), "10:00", "2027-01-01", "2027-01-31", WEEKDAYS,
                NonWorkingDayRule.KEEP);
        Replanning.Result result = Replanning.replan(existing, mondays, now);
        assertThat(result.kept()).as("the past, and what someone already drafted").extracting(Replanning.Existing::status)
                .containsExactly(Replanning.Status.SENT, Replanning.Status.PLANNED, Replanning.Status.DRAFTED);
        assertThat(result.removed()).extracting(Replanning.Existing::dueAt).containsExactly(Instant.parse("2027-01-29T15:00:00Z"));
        assertThat(result.added()).extracting(PlannedOccurrence::day).containsExactlyElementsOf(dates("2027-01-18", "2027-01-25"));
    }

    @Test
    void aCalendarWithoutWorkingDaysOrARecurrenceWithoutDaysIsRefused() {
        assertThatThrownBy(() -> new WorkingCalendar(Set.of(), new java.util.TreeSet<>())).hasMessageContaining("at least one working weekday");
        assertThatThrownBy(() -> new Recurrence.Weekly(Set.of(), 1)).hasMessageContaining("at least one weekday");
        assertThatThrownBy(() -> new Recurrence.MonthlyOnDay(32, 1)).hasMessageContaining("1 to 31");
        assertThatThrownBy(() -> OccurrencePlanner.plan(new Recurrence.DailyOnWorkingDays(), LocalTime.NOON, LONDON, LocalDate.parse("2027-02-01"),
                LocalDate.parse("2027-01-01"), WEEKDAYS, NonWorkingDayRule.KEEP)).hasMessageContaining("ends before it starts");
    }
}
