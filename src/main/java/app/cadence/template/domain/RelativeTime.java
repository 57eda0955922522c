package app.cadence.template.domain;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * Offsets from T0 and durations as runbook authors write them: {@code -2d 4h}, {@code +30m},
 * {@code 1h 30m}. Stored as whole minutes; shown back in the same notation. Offsets may also be
 * typed as they are shown ({@code T−2d 4h}, {@code T0}: see {@link TMinusNotation}), so a time
 * copied from a screen can be pasted into the designer.
 */
@NamedInterface("api")
public final class RelativeTime {

    public static final String HINT = "Use days, hours and minutes, e.g. -2d 4h, +30m or 1h 30m.";
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhm])");
    private static final Pattern WHOLE = Pattern.compile("^([+-])?\\s*((?:\\d+\\s*[dhm]\\s*)+|0)$");
    private static final int MINUTES_PER_DAY = 24 * 60;
    /** A year either side of T0 is far beyond any real runbook. */
    public static final int LIMIT_MINUTES = 366 * MINUTES_PER_DAY;

    private RelativeTime() {
    }

    /** Parses an offset from T0; negative before T0 (T-minus). */
    public static int parseOffset(String text) {
        return parse(text, true);
    }

    /** Parses a duration (no sign, not negative). */
    public static int parseDuration(String text) {
        return parse(text, false);
    }

    private static int parse(String text, boolean signed) {
        String input = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (signed) {
            input = input.replace(TMinusNotation.MINUS, '-');
            input = input.startsWith("t") ? input.substring(1).trim() : input;
        }
        Matcher whole = WHOLE.matcher(input);
        if (input.isEmpty() || !whole.matches()) {
            throw new IllegalArgumentException("“" + text + "” is not a time. " + HINT);
        }
        if (!signed && whole.group(1) != null) {
            throw new IllegalArgumentException("A duration has no sign. " + HINT);
        }
        long minutes = 0;
        Matcher part = PART.matcher(whole.group(2));
        while (part.find()) {
            long value = Long.parseLong(part.group(1).length() > 9 ? "999999999" : part.group(1));
            minutes += switch (part.group(2)) {
                case "d" -> value * MINUTES_PER_DAY;
                case "h" -> value * 60;
                default -> value;
            };
        }
        if (minutes > LIMIT_MINUTES) {
            throw new IllegalArgumentException("“" + text + "” is more than a year. " + HINT);
        }
        return (int) ("-".equals(whole.group(1)) ? -minutes : minutes);
    }

    /** {@code -2d 4h}, {@code +30m}, {@code 0m}. */
    public static String formatOffset(int minutes) {
        if (minutes == 0) {
            return "0m";
        }
        return (minutes < 0 ? "-" : "+") + parts(Math.abs(minutes));
    }

    /** {@code 1h 30m}, {@code 0m}. */
    public static String formatDuration(int minutes) {
        return minutes == 0 ? "0m" : parts(minutes);
    }

    /** The planned time relative to T0 as every screen shows it: {@code T−2d 4h}, {@code T+30m}, {@code T0}. */
    public static String clock(int offsetMinutes) {
        return TMinusNotation.offset(offsetMinutes);
    }

    /**
     * The moment a step planned at {@code offsetMinutes} from T0 falls: whole days of the offset
     * are calendar days (the wall-clock time is kept across a daylight-saving change, as a runbook
     * author means "the day before at the same time"); hours and minutes are elapsed time, as a
     * runbook clock counts them. {@code -2d 4h} is two days back, then four hours back.
     */
    public static ZonedDateTime at(ZonedDateTime t0, long offsetMinutes) {
        long days = offsetMinutes / MINUTES_PER_DAY; // truncates toward zero
        long rest = offsetMinutes % MINUTES_PER_DAY;
        return t0.plusDays(days).plusMinutes(rest);
    }

    private static String parts(int minutes) {
        StringBuilder out = new StringBuilder();
        int days = minutes / MINUTES_PER_DAY;
        int hours = minutes % MINUTES_PER_DAY / 60;
        int mins = minutes % 60;
        if (days > 0) {
            out.append(days).append("d ");
        }
        if (hours > 0) {
            out.append(hours).append("h ");
        }
        if (mins > 0) {
            out.append(mins).append("m ");
        }
        return out.toString().trim();
    }
}
