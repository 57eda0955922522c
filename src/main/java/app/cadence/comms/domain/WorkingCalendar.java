package app.cadence.comms.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An organisation's working days: the weekdays it works and its holidays. Communications due on a
 * day off move to a working day when their entry says so; cutover steps ignore the calendar
 * (cutovers run at weekends on purpose).
 */
public record WorkingCalendar(Set<DayOfWeek> workingDays, SortedSet<LocalDate> holidays) {

    /** Monday to Friday, no holidays. */
    public static final WorkingCalendar WEEKDAYS = new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new TreeSet<>());

    /** How far a move looks for a working day before it gives up: a calendar with no working day at all. */
    static final int LONGEST_BREAK_DAYS = 366;

    public WorkingCalendar {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("A working calendar needs at least one working weekday.");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    }

    public WorkingCalendar withHolidays(Set<LocalDate> more) {
        TreeSet<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(more);
        return new WorkingCalendar(workingDays, all);
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The working day at or before {@code day}. */
    public LocalDate atOrBefore(LocalDate day) {
        return step(day, -1);
    }

    /** The working day at or after {@code day}. */
    public LocalDate atOrAfter(LocalDate day) {
        return step(day, 1);
    }

    private LocalDate step(LocalDate day, int direction) {
        LocalDate candidate = day;
        for (int i = 0; i <= LONGEST_BREAK_DAYS; i++) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.plusDays(direction);
        }
        throw new IllegalStateException("No working day within a year of " + day);
    }
}
