package app.cadence.cutover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step's times in a run: planned (from the planned T0, never moving — the baseline the report
 * compares with), actual, and forecast.
 *
 * @param forecastStart  null when the step will not run in this run as it stands: a rollback step
 *                       before rollback is invoked, a forward step abandoned by it
 * @param critical       on the critical path of the forecast
 */
public record StepTimes(UUID key, Instant plannedStart, Instant plannedFinish, @Nullable Instant actualStart,
                        @Nullable Instant actualFinish, @Nullable Instant forecastStart, @Nullable Instant forecastFinish,
                        boolean critical) {

    /** Forecast finish against planned finish: positive is late. Null when the step will not run. */
    public @Nullable Duration variance() {
        return forecastFinish == null ? null : Duration.between(plannedFinish, forecastFinish);
    }

    public boolean scheduled() {
        return forecastFinish != null;
    }
}
