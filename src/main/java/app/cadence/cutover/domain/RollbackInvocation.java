package app.cadence.cutover.domain;

import java.time.Instant;

/** Who invoked the rollback of a run, when, and why. */
public record RollbackInvocation(Actor by, Instant at, String reason) {
}
