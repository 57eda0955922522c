package app.cadence.notify.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date: how recent a notice is, at a glance. */
final class RelativeTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private RelativeTime() {
    }

    static String of(Instant at, Instant now, ZoneId zone) {
        Duration age = Duration.between(at, now);
        if (age.toMinutes() < 1) {
            return "just now"; // also a notice from a clock slightly ahead
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        if (age.toDays() < 7) {
            return age.toDays() + " d ago";
        }
        return DATE.format(at.atZone(zone));
    }
}
