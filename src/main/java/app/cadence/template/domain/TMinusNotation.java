package app.cadence.template.domain;

import java.time.Duration;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * How times relative to T0 (the switch-over) are shown everywhere in Cadence. Two forms, neither
 * of which can be read as a time of day:
 * <ul>
 *   <li><b>Planned offsets</b> keep the units they are typed in: {@code T−2d 4h}, {@code T−20h},
 *       {@code T+1h 30m}, {@code T0}. The old {@code T-1d 04:00} looked like "the day before, at
 *       04:00"; with a unit on every number it cannot. {@link RelativeTime} reads both forms back.</li>
 *   <li><b>The run clock</b> counts hours, minutes and seconds, with all hours in the hours
 *       field and no days: {@code T−02:14:05}, {@code T+00:41:10}, {@code T−28:00:00}. A day part
 *       ({@code T−1d 04:00:00}) would bring the ambiguity back; 28:00:00 is no clock time, and
 *       the seconds ticking make it plainly a countdown.</li>
 * </ul>
 * The sign is the typographic minus (U+2212), as wide as the plus, so columns line up.
 */
@NamedInterface("api")
public final class TMinusNotation {

    public static final char MINUS = '\u2212';

    private TMinusNotation() {
    }

    /** A planned offset from T0 in whole minutes: {@code T−2d 4h}, {@code T+30m}, {@code T0}. */
    public static String offset(int minutes) {
        if (minutes == 0) {
            return "T0";
        }
        return "T" + (minutes < 0 ? MINUS : '+') + RelativeTime.formatDuration(Math.abs(minutes));
    }

    /**
     * The run clock at a moment {@code sinceT0} after T0 (negative before it). Before T0 it counts
     * down in whole seconds rounded up, as a countdown does: half a second before T0 is
     * {@code T−00:00:01}, T0 itself {@code T+00:00:00}.
     */
    public static String clock(Duration sinceT0) {
        boolean before = sinceT0.isNegative();
        Duration abs = sinceT0.abs();
        long seconds = abs.getSeconds() + (before && abs.getNano() > 0 ? 1 : 0);
        return String.format(Locale.ROOT, "T%c%02d:%02d:%02d", before ? MINUS : '+', seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
