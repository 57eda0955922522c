package app.cadence.cutover.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One approver's vote. The comment says why for a NO-GO, and what the conditions are for a GO
 * WITH CONDITIONS; it is optional for a plain GO.
 */
public record Vote(Actor approver, Verdict verdict, @Nullable String comment, Instant at) {
}
