package app.cadence.comms.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The days an entry of a communication plan falls on, between the plan's start and end (both
 * included). Days only: the time of day and the zone are the {@link OccurrencePlanner}'s.
 */
public sealed interface Recurrence {

    /** The days from {@code start} to {@code end}, in order, before any move for the working calendar. */
    List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar);

    /** Once, on a given day (if it lies within the plan). */
    record Once(LocalDate on) implements Recurrence {
        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            return on.isBefore(start) || on.isAfter(end) ? List.of() : List.of(on);
        }
    }

    /** Every working day of the organisation's calendar (a daily stand-up). */
    record DailyOnWorkingDays() implements Recurrence {
        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            return start.datesUntil(end.plusDays(1)).filter(calendar::isWorkingDay).toList();
        }
    }

    /**
     * On the chosen weekdays of every {@code everyWeeks}-th week, counted from the plan's start
     * week (1: weekly; 2: fortnightly).
     */
    record Weekly(Set<DayOfWeek> weekdays, int everyWeeks) implements Recurrence {
        public Weekly {
            if (weekdays.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one weekday.");
            }
            if (everyWeeks < 1 || everyWeeks > 52) {
                throw new IllegalArgumentException("Every 1 to 52 weeks.");
            }
            weekdays = Set.copyOf(EnumSet.copyOf(weekdays));
        }

        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            LocalDate firstMonday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return start.datesUntil(end.plusDays(1))
                    .filter(d -> weekdays.contains(d.getDayOfWeek()))
                    .filter(d -> ChronoUnit.WEEKS.between(firstMonday, d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) % everyWeeks == 0)
                    .toList();
        }
    }

    /**
     * On a day of every {@code everyMonths}-th month from the plan's start month (1: monthly; 3:
     * quarterly). A day the month does not have (the 31st of April, the 29th of February in a
     * common year) is the month's last day.
     */
    record MonthlyOnDay(int dayOfMonth, int everyMonths) implements Recurrence {
        public MonthlyOnDay {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("A day of the month is 1 to 31.");
            }
            if (everyMonths < 1 || everyMonths > 12) {
                throw new IllegalArgumentException("Every 1 to 12 months.");
            }
        }

        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            List<LocalDate> days = new ArrayList<>();
            for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(end); month = month.plusMonths(everyMonths)) {
                LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
                if (!day.isBefore(start) && !day.isAfter(end)) {
                    days.add(day);
                }
            }
            return days;
        }
    }

    /**
     * On the n-th given weekday of every {@code everyMonths}-th month (the first Monday; the last
     * Friday with {@code ordinal} -1).
     */
    record MonthlyOnWeekday(int ordinal, DayOfWeek weekday, int everyMonths) implements Recurrence {
        public MonthlyOnWeekday {
            if (ordinal != -1 && (ordinal < 1 || ordinal > 4)) {
                throw new IllegalArgumentException("The first to fourth, or the last (-1), weekday of the month.");
            }
            if (everyMonths < 1 || everyMonths > 12) {
                throw new IllegalArgumentException("Every 1 to 12 months.");
            }
        }

        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            List<LocalDate> days = new ArrayList<>();
            for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(end); month = month.plusMonths(everyMonths)) {
                LocalDate day = ordinal == -1 ? month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday))
                        : month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
                if (!day.isBefore(start) && !day.isAfter(end)) {
                    days.add(day);
                }
            }
            return days;
        }
    }

    /** Relative to a milestone: its day plus each offset (go-live −10 days, +1 day). */
    record RelativeToMilestone(LocalDate milestone, List<Integer> offsetDays) implements Recurrence {
        public RelativeToMilestone {
            if (offsetDays.isEmpty()) {
                throw new IllegalArgumentException("Give at least one offset from the milestone.");
            }
            offsetDays = List.copyOf(offsetDays);
        }

        @Override
        public List<LocalDate> days(LocalDate start, LocalDate end, WorkingCalendar calendar) {
            return offsetDays.stream().sorted().map(milestone::plusDays).filter(d -> !d.isBefore(start) && !d.isAfter(end)).distinct().toList();
        }
    }
}
