package app.cadence.comms.domain;

import app.cadence.template.domain.NonWorkingDayRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an entry's recurrence into dated occurrences in the organisation's zone: each day moved
 * off a day off as the entry says, at the entry's time of day.
 *
 * <p>Daylight saving: a time that does not exist on a day (02:30 when clocks go forward) is the
 * first instant after the gap, as the clock on the wall reads then (03:30); a time that occurs
 * twice (01:30 when clocks go back) is the first of the two. Two days moved onto the same working
 * day become one occurrence.
 */
public final class OccurrencePlanner {

    private OccurrencePlanner() {
    }

    /**
     * @param scheduledFor the day the recurrence gave
     * @param day          the day it falls due, after any move
     * @param dueAt        when it falls due
     */
    public record PlannedOccurrence(LocalDate scheduledFor, LocalDate day, Instant dueAt) {
        public boolean moved() {
            return !scheduledFor.equals(day);
        }
    }

    public static List<PlannedOccurrence> plan(Recurrence recurrence, LocalTime at, ZoneId zone, LocalDate start, LocalDate end,
                                               WorkingCalendar calendar, NonWorkingDayRule rule) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The plan ends before it starts.");
        }
        Map<LocalDate, PlannedOccurrence> byDay = new LinkedHashMap<>();
        for (LocalDate day : recurrence.days(start, end, calendar)) {
            LocalDate due = switch (rule) {
                case KEEP -> day;
                case PREVIOUS_WORKING_DAY -> calendar.atOrBefore(day);
                case NEXT_WORKING_DAY -> calendar.atOrAfter(day);
            };
            byDay.putIfAbsent(due, new PlannedOccurrence(day, due, ZonedDateTime.of(due, at, zone).toInstant()));
        }
        List<PlannedOccurrence> planned = new ArrayList<>(byDay.values());
        planned.sort(java.util.Comparator.comparing(PlannedOccurrence::dueAt));
        return List.copyOf(planned);
    }
}
