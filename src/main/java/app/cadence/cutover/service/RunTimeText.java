package app.cadence.cutover.service;

import app.cadence.template.domain.TMinusNotation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a run's exports (report, spreadsheet, print view, comparison) write its times. Planned times
 * count from the planned T0, as the runbook states them; actual and forecast times from the run's
 * clock — the actual T0 once the run has started — so a step done in its slot reads the same on
 * both ({@code T−3h}), however late the run began. Each also as a date and time in the run's zone.
 */
public final class RunTimeText {

    public static final String NONE = "—";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.UK);

    private final Instant clockT0;
    private final ZoneId zone;

    RunTimeText(RunScreen.Header header) {
        this(header.t0(), header.zone());
    }

    public RunTimeText(Instant clockT0, ZoneId zone) {
        this.clockT0 = clockT0;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A planned offset in minutes: {@code T−2d 4h}, {@code T+30m}, {@code T0}. */
    public static String offset(int minutes) {
        return TMinusNotation.offset(minutes);
    }

    /** A moment on the run's clock, to the minute: {@code T+45m}; a dash when there is none. */
    public String onClock(@Nullable Instant at) {
        if (at == null) {
            return NONE;
        }
        return offset((int) Math.round(Duration.between(clockT0, at).getSeconds() / 60.0));
    }

    /** The date and time in the run's zone: {@code Sat 14 Jun 22:00}. */
    public String wall(@Nullable Instant at) {
        return at == null ? NONE : DAY_TIME.format(at.atZone(zone));
    }

    /** A start and a finish on the wall, the day written once when it does not change: {@code Sat 14 Jun 21:00–22:00}. */
    public String wallSpan(Instant start, Instant finish) {
        boolean sameDay = start.atZone(zone).toLocalDate().equals(finish.atZone(zone).toLocalDate());
        return wall(start) + (sameDay ? "–" + TIME.format(finish.atZone(zone)) : " → " + wall(finish));
    }

    /** On the clock and on the wall: {@code T+45m · Sat 14 Jun 22:45}. */
    public String both(@Nullable Instant at) {
        return at == null ? NONE : onClock(at) + " · " + wall(at);
    }

    /** With the year and the zone's name: {@code Sat 14 Jun 2026, 22:00 BST}. */
    public String full(@Nullable Instant at) {
        return at == null ? NONE : FULL.format(at.atZone(zone)) + " " + ZONE_NAME.format(at.atZone(zone));
    }

    /** Whole minutes, rounded: what the spreadsheet's variance column holds. */
    public static long minutes(Duration duration) {
        return Math.round(duration.getSeconds() / 60.0);
    }

    /** Hours and minutes: {@code 1:05}, {@code 26:00}. */
    public static String hoursMinutes(@Nullable Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long minutes = Math.abs(minutes(duration));
        return (minutes(duration) < 0 ? String.valueOf(TMinusNotation.MINUS) : "") + String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    /** {@code +0:10 late}, {@code on time}, {@code −0:05 early}; a dash when unknown. */
    public static String variance(@Nullable Duration variance) {
        if (variance == null) {
            return NONE;
        }
        long minutes = minutes(variance);
        if (minutes == 0) {
            return "on time";
        }
        return (minutes > 0 ? "+" : "") + hoursMinutes(variance) + (minutes > 0 ? " late" : " early");
    }

    /** A difference between two durations: {@code +0:20 longer}, {@code same}, {@code −0:05 shorter}. */
    public static String difference(@Nullable Duration difference) {
        if (difference == null) {
            return NONE;
        }
        long minutes = minutes(difference);
        if (minutes == 0) {
            return "same";
        }
        return (minutes > 0 ? "+" : "") + hoursMinutes(difference) + (minutes > 0 ? " longer" : " shorter");
    }
}
