package app.cadence.comms.domain;

import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * When a series' occurrences fall: its cadence and timing read from its first date (the entry's
 * anchor date plus offset) until the plan ends. A recurring series starts on its first date (or
 * the plan's start, if later); a once or milestone series has exactly its dates, even outside the
 * plan's dates (a "go-live + 1" after the plan's end is still meant).
 */
public record SeriesSchedule(Cadence cadence, EntryTiming timing, LocalDate firstDate, LocalDate planStart, LocalDate planEnd) {

    public List<OccurrencePlanner.PlannedOccurrence> plan(ZoneId zone, WorkingCalendar calendar) {
        return switch (cadence) {
            case ONCE -> OccurrencePlanner.plan(new Recurrence.Once(firstDate), timing.at(), zone, firstDate, firstDate, calendar, timing.onDayOff());
            case AT_MILESTONE -> {
                List<Integer> offsets = timing.milestoneOffsets().isEmpty() ? List.of(0) : timing.milestoneOffsets();
                LocalDate from = firstDate.plusDays(offsets.getFirst());
                LocalDate to = firstDate.plusDays(offsets.getLast());
                yield OccurrencePlanner.plan(new Recurrence.RelativeToMilestone(firstDate, offsets), timing.at(), zone, from, to, calendar,
                        timing.onDayOff());
            }
            default -> {
                LocalDate from = firstDate.isBefore(planStart) ? planStart : firstDate;
                yield from.isAfter(planEnd) ? List.of()
                        : OccurrencePlanner.plan(recurrence(from), timing.at(), zone, from, planEnd, calendar, timing.onDayOff());
            }
        };
    }

    private Recurrence recurrence(LocalDate from) {
        return switch (cadence) {
            case DAILY -> new Recurrence.DailyOnWorkingDays();
            case WEEKLY, BIWEEKLY -> new Recurrence.Weekly(timing.weekdays().isEmpty() ? Set.of(from.getDayOfWeek()) : timing.weekdays(),
                    cadence == Cadence.BIWEEKLY ? 2 : timing.every());
            case MONTHLY, QUARTERLY -> {
                int months = cadence == Cadence.QUARTERLY ? Math.min(12, 3 * timing.every()) : Math.min(12, timing.every());
                yield timing.weekdayOrdinal() != 0 && timing.monthWeekday() != null
                        ? new Recurrence.MonthlyOnWeekday(timing.weekdayOrdinal(), timing.monthWeekday(), months)
                        : new Recurrence.MonthlyOnDay(timing.dayOfMonth() == 0 ? from.getDayOfMonth() : timing.dayOfMonth(), months);
            }
            case ONCE, AT_MILESTONE -> throw new IllegalStateException("not recurring");
        };
    }
}
