package app.cadence.comms.domain;

import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/**
 * How communications count towards a project's health: the occurrences due in the last 30 days
 * (not skipped) are due items, and those still planned or drafted are overdue. A communication is
 * time-bound — nobody sends January's status report in March — so one missed long ago stops
 * weighing on health (it stays overdue on the agenda), and a year of future stand-ups never
 * dilutes the share of overdue work.
 */
@NamedInterface("api")
public final class CommsHealthRule {

    public static final Duration WINDOW = Duration.ofDays(30);

    private CommsHealthRule() {
    }
}
