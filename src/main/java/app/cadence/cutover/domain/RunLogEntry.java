package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a run's log: what happened, who did it and when, the reason they gave, and whether
 * it overrode a rule (a step started before its predecessors finished, a NO-GO overruled). The
 * log is what the run report and the change board read afterwards.
 *
 * @param stepKey the step it concerns; null for the run itself (started, paused, rollback invoked …)
 */
public record RunLogEntry(Instant at, Actor by, String what, @Nullable UUID stepKey, @Nullable String reason, boolean override) {

    static RunLogEntry ofRun(Instant at, Actor by, String what, @Nullable String reason) {
        return new RunLogEntry(at, by, what, null, reason, false);
    }
}
