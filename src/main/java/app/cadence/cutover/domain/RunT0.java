package app.cadence.cutover.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A run's T0: when it was planned, when it actually was (null until the run starts), and the
 * organisation's zone, in which whole days of an offset are calendar days.
 */
public record RunT0(Instant planned, @Nullable Instant actual, ZoneId zone) {

    /**
     * How far the run's clock moved from the plan: a run started 20 minutes late expects every
     * step 20 minutes later; zero until it starts.
     */
    public Duration shift() {
        return actual == null ? Duration.ZERO : Duration.between(planned, actual);
    }

    /** T0 the run counts from now: the actual one once known. */
    public Instant current() {
        return actual == null ? planned : actual;
    }
}
