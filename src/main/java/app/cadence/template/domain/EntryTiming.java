package app.cadence.template.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * When exactly the occurrences of a communication-plan entry fall, beyond its {@link Cadence}: the
 * time of day, the weekdays of a weekly entry, every how many weeks or months, the day of the
 * month or its n-th weekday, the offsets around a milestone, and what a day off does.
 *
 * <p>Unset parts take the entry's first date: a weekly entry with no weekdays falls on the weekday
 * of its anchor date plus offset, a monthly one with no day on that day of the month; a
 * milestone entry with no offsets uses the entry's offset alone.
 *
 * @param every          every n weeks (weekly) or months (monthly, quarterly: n × 3)
 * @param dayOfMonth     1–31 (a shorter month uses its last day), 0: the first date's day
 * @param weekdayOrdinal 1–4 or -1 (last) with {@code monthWeekday}: the n-th weekday of the month; 0: by day of month
 */
@NamedInterface("api")
public record EntryTiming(LocalTime at, Set<DayOfWeek> weekdays, int every, int dayOfMonth, int weekdayOrdinal,
                          @Nullable DayOfWeek monthWeekday, List<Integer> milestoneOffsets, NonWorkingDayRule onDayOff) {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final EntryTiming DEFAULT = new EntryTiming(DEFAULT_TIME, Set.of(), 1, 0, 0, null, List.of(), NonWorkingDayRule.PREVIOUS_WORKING_DAY);
    public static final int MAX_OFFSETS = 20;

    public EntryTiming {
        at = at.withSecond(0).withNano(0);
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        if (every < 1 || every > 52) {
            throw new IllegalArgumentException("Every 1 to 52 weeks or 1 to 12 months.");
        }
        if (dayOfMonth < 0 || dayOfMonth > 31) {
            throw new IllegalArgumentException("A day of the month is 1 to 31.");
        }
        if (weekdayOrdinal != 0 && weekdayOrdinal != -1 && (weekdayOrdinal < 1 || weekdayOrdinal > 4)) {
            throw new IllegalArgumentException("The first to fourth, or the last, weekday of the month.");
        }
        if (weekdayOrdinal != 0 && monthWeekday == null) {
            throw new IllegalArgumentException("Choose the weekday of the month.");
        }
        if (milestoneOffsets.size() > MAX_OFFSETS) {
            throw new IllegalArgumentException("At most " + MAX_OFFSETS + " offsets around a milestone.");
        }
        if (milestoneOffsets.stream().anyMatch(o -> Math.abs(o) > TemplateContent.MAX_OFFSET_DAYS)) {
            throw new IllegalArgumentException("Offsets are at most " + TemplateContent.MAX_OFFSET_DAYS + " days from the milestone.");
        }
        milestoneOffsets = milestoneOffsets.stream().distinct().sorted().toList();
    }

    /** The same timing at another time of day. */
    public EntryTiming withTime(LocalTime time) {
        return new EntryTiming(time, weekdays, every, dayOfMonth, weekdayOrdinal, monthWeekday, milestoneOffsets, onDayOff);
    }

    /** How the timing reads for a cadence, e.g. "Fridays at 15:00" or "the last Friday of every 3rd month at 09:00". */
    public String describe(Cadence cadence) {
        String time = " at " + at;
        return switch (cadence) {
            case ONCE -> "once" + time;
            case DAILY -> "every working day" + time;
            case WEEKLY, BIWEEKLY -> {
                int weeks = cadence == Cadence.BIWEEKLY ? 2 : every;
                String days = weekdays.isEmpty() ? "the first date's weekday" : String.join(", ", weekdays.stream().sorted().map(EntryTiming::plural).toList());
                yield (weeks == 1 ? days : days + " of every " + ordinal(weeks) + " week") + time;
            }
            case MONTHLY, QUARTERLY -> {
                int months = cadence == Cadence.QUARTERLY ? 3 * every : every;
                String day = weekdayOrdinal != 0 ? "the " + (weekdayOrdinal == -1 ? "last" : ordinal(weekdayOrdinal)) + " " + name(monthWeekday)
                        : dayOfMonth == 0 ? "the first date's day" : "day " + dayOfMonth;
                yield day + (months == 1 ? " of every month" : " of every " + ordinal(months) + " month") + time;
            }
            case AT_MILESTONE -> (milestoneOffsets.isEmpty() ? "at the milestone" : "milestone " + String.join(", ",
                    milestoneOffsets.stream().map(o -> (o >= 0 ? "+" : "") + o + "d").toList())) + time;
        };
    }

    private static String plural(DayOfWeek day) {
        return name(day) + "s";
    }

    private static String name(@Nullable DayOfWeek day) {
        if (day == null) {
            return "weekday";
        }
        String n = day.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "2nd";
            case 3 -> "3rd";
            case 4 -> "4th";
            default -> n + "th";
        };
    }
}
