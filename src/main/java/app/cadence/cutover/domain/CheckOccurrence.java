package app.cadence.cutover.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One dated occurrence of a recurring hypercare check in a run — the stand-up of Tuesday 09:00 —
 * and the rules for recording it. Immutable: each change returns the new value with its log entry.
 * <ul>
 *   <li>It can be ticked from an hour before it is due (people gather early for a stand-up), but
 *       not before the previous occurrence is due: an hourly check is not ticked twice in one hour.</li>
 *   <li>It can be marked missed, with a reason, once it is due.</li>
 *   <li>It is overdue while open an hour past due, or its step's planned duration if that is longer.</li>
 *   <li>Closing hypercare settles what is still open: missed when past due, not needed when ahead.</li>
 * </ul>
 *
 * @param number 1 for the first occurrence of its check, in due order
 */
public record CheckOccurrence(int number, Instant dueAt, CheckState state, @Nullable Instant recordedAt, @Nullable Actor by,
                              @Nullable String note) {

    /** How early a check may be ticked, and the least time it may run past due before it is overdue. */
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    public CheckOccurrence {
        if (state.isOpen() != (recordedAt == null)) {
            throw new IllegalArgumentException("An occurrence has a record exactly when it is no longer open");
        }
    }

    public static CheckOccurrence open(int number, Instant dueAt) {
        return new CheckOccurrence(number, dueAt, CheckState.OPEN, null, null, null);
    }

    /** The earliest moment it may be ticked, given when the previous occurrence of its check is due. */
    public Instant opensAt(@Nullable Instant previousDue) {
        Instant early = dueAt.minus(WINDOW);
        return previousDue != null && previousDue.isAfter(early) ? previousDue : early;
    }

    public boolean overdue(Instant now, Duration stepDuration) {
        Duration allowed = stepDuration.compareTo(WINDOW) > 0 ? stepDuration : WINDOW;
        return state.isOpen() && now.isAfter(dueAt.plus(allowed));
    }

    public Logged<CheckOccurrence> tick(UUID stepKey, String title, ZoneId zone, Actor by, Instant at, @Nullable Instant previousDue,
                                        @Nullable String note) {
        checkOpen(title, zone);
        Instant opens = opensAt(previousDue);
        if (at.isBefore(opens)) {
            throw new CutoverRuleException("“" + title + "” is due " + when(dueAt, zone) + "; it can be ticked from " + when(opens, zone) + ".");
        }
        String text = Reasons.optional(note);
        return Logged.of(new CheckOccurrence(number, dueAt, CheckState.DONE, at, by, text),
                new RunLogEntry(at, by, "Check done “" + title + "” (due " + when(dueAt, zone) + ")", stepKey, text, false));
    }

    public Logged<CheckOccurrence> miss(UUID stepKey, String title, ZoneId zone, Actor by, Instant at, @Nullable String reason) {
        checkOpen(title, zone);
        if (at.isBefore(dueAt)) {
            throw new CutoverRuleException("“" + title + "” is due " + when(dueAt, zone) + "; it can be marked missed once that time has passed.");
        }
        String why = Reasons.required(reason, "Say why “" + title + "” of " + when(dueAt, zone) + " was missed.");
        return Logged.of(new CheckOccurrence(number, dueAt, CheckState.MISSED, at, by, why),
                new RunLogEntry(at, by, "Check missed “" + title + "” (due " + when(dueAt, zone) + ")", stepKey, why, false));
    }

    /** Hypercare closed: missed when it was due by now, not needed when still ahead. */
    public CheckOccurrence closed(Actor by, Instant at) {
        if (!state.isOpen()) {
            return this;
        }
        return new CheckOccurrence(number, dueAt, dueAt.isAfter(at) ? CheckState.CLOSED : CheckState.MISSED, at, by, "Hypercare closed");
    }

    /** "12 of 14 checks done, 2 missed": the evidence a recurring step is done with. */
    public static String summary(List<CheckOccurrence> occurrences) {
        long done = occurrences.stream().filter(o -> o.state() == CheckState.DONE).count();
        long missed = occurrences.stream().filter(o -> o.state() == CheckState.MISSED).count();
        long closed = occurrences.stream().filter(o -> o.state() == CheckState.CLOSED).count();
        return done + " of " + occurrences.size() + " checks done" + (missed > 0 ? ", " + missed + " missed" : "")
                + (closed > 0 ? ", " + closed + " not needed (hypercare closed)" : "");
    }

    private void checkOpen(String title, ZoneId zone) {
        if (!state.isOpen()) {
            throw new CutoverRuleException("“" + title + "” of " + when(dueAt, zone) + " is already " + state.label().toLowerCase(Locale.ROOT)
                    + (by == null ? "" : " (" + by.name() + ")") + ".");
        }
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
