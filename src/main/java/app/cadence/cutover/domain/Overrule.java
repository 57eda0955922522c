package app.cadence.cutover.domain;

import java.time.Instant;

/** The run lead going ahead against a NO-GO, with the reason the report will show. */
public record Overrule(Actor by, String reason, Instant at) {
}
