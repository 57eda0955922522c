package app.cadence.cutover.domain;

import app.cadence.template.domain.StepRecurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a hypercare check recurs after go-live: every N hours, or daily at a local time, for M
 * days. A run expands it into dated occurrences, each ticked on its own.
 */
public sealed interface HypercareRecurrence {

    /** Hypercare rarely lasts beyond a quarter; the cap also bounds the occurrences (90 × 24). */
    int MAX_DAYS = 90;

    int days();

    /** The rule a runbook's step carries, as the run expands it. */
    static HypercareRecurrence of(StepRecurrence rule) {
        return switch (rule) {
            case StepRecurrence.EveryHours every -> new EveryHours(every.hours(), every.days());
            case StepRecurrence.DailyAt daily -> new DailyAt(daily.time(), daily.days());
        };
    }

    /** The occurrences after {@code start} (the end of go-live), in the organisation's zone. */
    List<ZonedDateTime> occurrences(Instant start, ZoneId zone);

    /** "Every 4 hours for 3 days", "Daily at 09:00 for 5 days". */
    String label();

    private static void checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new CutoverRuleException("Hypercare checks recur for 1 to " + MAX_DAYS + " days.");
        }
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /**
     * Every {@code hours} hours of elapsed time, the first {@code hours} after the start, for as
     * long as the period runs: up to the same wall-clock time {@code days} calendar days later.
     * Elapsed, not wall-clock hours: "every 4 hours" is about how long systems go unwatched, so
     * across a daylight-saving change the local times move by the hour the clocks did.
     */
    record EveryHours(int hours, int days) implements HypercareRecurrence {

        public EveryHours {
            if (hours < 1 || hours > 24 * MAX_DAYS) {
                throw new CutoverRuleException("A hypercare check recurs every 1 hour or more.");
            }
            checkDays(days);
        }

        @Override
        public List<ZonedDateTime> occurrences(Instant start, ZoneId zone) {
            Instant end = start.atZone(zone).plusDays(days).toInstant();
            List<ZonedDateTime> out = new ArrayList<>();
            for (Instant at = start.plus(Duration.ofHours(hours)); !at.isAfter(end); at = at.plus(Duration.ofHours(hours))) {
                out.add(at.atZone(zone));
            }
            return out;
        }

        @Override
        public String label() {
            return (hours == 1 ? "Every hour" : "Every " + hours + " hours") + " for " + HypercareRecurrence.days(days);
        }
    }

    /**
     * Daily at a local time, {@code days} times: the first at that time on or after the start.
     * The wall-clock time is kept across a daylight-saving change. On the day the clocks go
     * forward past that time, it is the time the clocks jumped to (02:30 becomes 03:30); on the
     * day they go back over it, the first of the two.
     */
    record DailyAt(LocalTime time, int days) implements HypercareRecurrence {

        public DailyAt {
            checkDays(days);
        }

        @Override
        public List<ZonedDateTime> occurrences(Instant start, ZoneId zone) {
            ZonedDateTime from = start.atZone(zone);
            ZonedDateTime first = ZonedDateTime.of(from.toLocalDate(), time, zone);
            if (first.toInstant().isBefore(start)) {
                first = ZonedDateTime.of(from.toLocalDate().plusDays(1), time, zone);
            }
            List<ZonedDateTime> out = new ArrayList<>(days);
            for (int day = 0; day < days; day++) {
                out.add(ZonedDateTime.of(first.toLocalDate().plusDays(day), time, zone));
            }
            return out;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "Daily at %02d:%02d for %s", time.getHour(), time.getMinute(), HypercareRecurrence.days(days));
        }
    }
}
