package app.cadence.cutover.ui;

import app.cadence.template.domain.TMinusNotation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the run screen writes times: relative to the run's T0 in the product's notation
 * ({@code T−2h}, {@code T+1h 30m}) and as a date and time in the run's zone
 * ({@code Sat 14 Jun 22:00}); variances as {@code +0:10 late}, {@code on time}, {@code −0:05 early}.
 */
final class RunTimes {

    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    static final String DASH = "—";

    private final Instant t0;
    private final Instant plannedT0;
    private final ZoneId zone;

    RunTimes(Instant t0, ZoneId zone) {
        this(t0, t0, zone);
    }

    /**
     * @param t0        the clock's T0 (actual once the run started): forecast and actual times are relative to it
     * @param plannedT0 the plan's T0: planned times are relative to it, so they read as the runbook's offsets
     */
    RunTimes(Instant t0, Instant plannedT0, ZoneId zone) {
        this.t0 = t0;
        this.plannedT0 = plannedT0;
        this.zone = zone;
    }

    static RunTimes of(app.cadence.cutover.service.RunScreen.Header header) {
        return new RunTimes(header.t0(), header.plannedT0(), header.zone());
    }

    /** A planned time, relative to the planned T0, and its date and time: {@code T−2h · Sat 14 Jun 22:00}. */
    String planned(@Nullable Instant at) {
        return at == null ? DASH : new RunTimes(plannedT0, zone).both(at);
    }

    /** A planned start and finish relative to the planned T0: {@code T−3h → T−2h}. */
    String plannedSpan(@Nullable Instant start, @Nullable Instant finish) {
        return new RunTimes(plannedT0, zone).relativeSpan(start, finish);
    }

    /** T-relative, rounded to the minute: {@code T−2h}, {@code T+45m}, {@code T0}. */
    String relative(@Nullable Instant at) {
        if (at == null) {
            return DASH;
        }
        long seconds = Duration.between(t0, at).getSeconds();
        return TMinusNotation.offset((int) Math.round(seconds / 60.0));
    }

    /** The date and time in the run's zone: {@code Sat 14 Jun 22:00}. */
    String wall(@Nullable Instant at) {
        return at == null ? DASH : DAY_TIME.format(at.atZone(zone));
    }

    /** Both, as the runbook shows a planned time: {@code T−2h · Sat 14 Jun 22:00}. */
    String both(@Nullable Instant at) {
        return at == null ? DASH : relative(at) + " · " + wall(at);
    }

    /** A start and a finish on one line: {@code Sat 14 Jun 21:00–22:00}, the day repeated only when it changes. */
    String span(@Nullable Instant start, @Nullable Instant finish) {
        if (start == null) {
            return DASH;
        }
        if (finish == null) {
            return wall(start) + " → …";
        }
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = finish.atZone(zone);
        return DAY_TIME.format(from) + (from.toLocalDate().equals(to.toLocalDate()) ? "–" + TIME.format(to) : " → " + DAY_TIME.format(to));
    }

    /** A start and a finish relative to T0: {@code T−3h → T−2h}. */
    String relativeSpan(@Nullable Instant start, @Nullable Instant finish) {
        if (start == null) {
            return DASH;
        }
        return relative(start) + " → " + (finish == null ? "…" : relative(finish));
    }

    String full(Instant at) {
        return FULL.format(at.atZone(zone)) + " " + zoneLabel(zone, at);
    }

    ZoneId zone() {
        return zone;
    }

    Instant t0() {
        return t0;
    }

    /** The zone's short name at that moment ("BST", "EST"), else its id. */
    static String zoneLabel(ZoneId zone, Instant at) {
        return DateTimeFormatter.ofPattern("zzz", Locale.UK).format(at.atZone(zone));
    }

    /** Hours and minutes of a duration, rounded to the minute: {@code 1:05}, {@code 26:00}. */
    static String hoursMinutes(Duration duration) {
        long minutes = Math.round(duration.abs().getSeconds() / 60.0);
        return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    /** {@code +0:10 late}, {@code on time}, {@code −0:05 early}; a dash when unknown. */
    static String variance(@Nullable Duration variance) {
        if (variance == null) {
            return DASH;
        }
        long minutes = Math.round(variance.getSeconds() / 60.0);
        if (minutes == 0) {
            return "on time";
        }
        long abs = Math.abs(minutes);
        // A day or more reads better in days and hours than as 82:01.
        String amount = abs < 24 * 60 ? hoursMinutes(Duration.ofMinutes(abs))
                : app.cadence.template.domain.RelativeTime.formatDuration((int) Math.min(abs, app.cadence.template.domain.RelativeTime.LIMIT_MINUTES));
        return (minutes > 0 ? "+" : String.valueOf(TMinusNotation.MINUS)) + amount + (minutes > 0 ? " late" : " early");
    }

    /** The class a variance is shown with: late in red, early in green. */
    static String varianceClass(@Nullable Duration variance) {
        if (variance == null) {
            return "variance-none";
        }
        long minutes = Math.round(variance.getSeconds() / 60.0);
        return minutes > 0 ? "variance-late" : minutes < 0 ? "variance-early" : "variance-on-time";
    }
}
