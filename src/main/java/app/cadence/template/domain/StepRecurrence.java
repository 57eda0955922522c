package app.cadence.template.domain;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * How a hypercare check of a runbook recurs after go-live: every N hours, or daily at a local
 * time, for M days. A run expands it into dated occurrences, each ticked on its own.
 * <p>
 * The values are not checked when built: a template read from a file or typed in the designer
 * may hold any number, and {@link TemplateContent#problems()} names the step and what to change
 * ({@link #problem()}), as it does for every other rule of a version.
 */
@NamedInterface("api")
public sealed interface StepRecurrence {

    /** A check every 24 hours is the daily one; more often than hourly is monitoring, not a check. */
    int MAX_HOURS = 24;
    /** Hypercare rarely lasts beyond a quarter; the cap also bounds a run's occurrences (90 × 24 per step). */
    int MAX_DAYS = 90;

    int days();

    /** "Every 4 hours for 3 days", "Daily at 09:00 for 14 days". */
    String label();

    /** What is wrong with the numbers, as the end of a sentence about the step; empty when they are sound. */
    default Optional<String> problem() {
        if (this instanceof EveryHours every && (every.hours() < 1 || every.hours() > MAX_HOURS)) {
            return Optional.of("recurs every " + every.hours() + " hours; choose every 1 to " + MAX_HOURS
                    + " hours, or daily at a time.");
        }
        if (days() < 1 || days() > MAX_DAYS) {
            return Optional.of("recurs for " + days() + " days; hypercare checks recur for 1 to " + MAX_DAYS + " days.");
        }
        return Optional.empty();
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** Every {@code hours} hours of elapsed time, for {@code days} days. */
    @NamedInterface("api")
    record EveryHours(int hours, int days) implements StepRecurrence {
        @Override
        public String label() {
            return (hours == 1 ? "Every hour" : "Every " + hours + " hours") + " for " + StepRecurrence.days(days);
        }
    }

    /** Once a day at a wall-clock time in the organisation's zone, for {@code days} days. */
    @NamedInterface("api")
    record DailyAt(LocalTime time, int days) implements StepRecurrence {

        public DailyAt {
            // Minutes are the finest a runbook plans in; seconds would only show up as surprises.
            time = time.withSecond(0).withNano(0);
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "Daily at %02d:%02d for %s", time.getHour(), time.getMinute(), StepRecurrence.days(days));
        }
    }
}
