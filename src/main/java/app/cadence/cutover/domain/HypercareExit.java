package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sign-off that ends hypercare: who recorded that the exit criteria are met, when, and the
 * note saying what was agreed — the evidence the exit milestone is done with, and what the run
 * report prints.
 */
public record HypercareExit(Actor by, Instant at, String note) {

    public static HypercareExit sign(Actor by, Instant at, @Nullable String note) {
        return new HypercareExit(by, at, Reasons.required(note,
                "Say which exit criteria are met and who agreed: the note is the sign-off the run report shows."));
    }

    public RunLogEntry logEntry(UUID exitStep) {
        return new RunLogEntry(at, by, "Hypercare exit signed", exitStep, note, false);
    }
}
