package app.cadence.mail.domain;

import java.time.Duration;

/**
 * Exponential back-off: the first retry after {@code firstDelay}, each further one after twice
 * the previous delay, never longer than {@code maxDelay}; after {@code maxAttempts} failed
 * attempts the message is given up (still kept, and visible).
 */
@org.springframework.modulith.NamedInterface("api")
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Invalid retry schedule: " + firstDelay + ", " + maxDelay + ", " + maxAttempts);
        }
    }

    /** The wait before the next attempt, after {@code failedAttempts} (≥ 1) failures in a row. */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        // Past 2^30 the product would overflow; the cap is reached long before in any sane set-up.
        if (doublings >= 30) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
