package app.cadence.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Failed sign-in attempts for one key (an account or a client address); not tenant-owned:
 * sign-in happens before any tenant is selected. Kept in the database so that every app node
 * sees the same counters.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry {

    @Id
    @Column(name = "throttle_key", length = 300)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private @Nullable Instant blockedUntil;

    protected LoginThrottleEntry() {
        this.key = "";
        this.lastFailureAt = Instant.EPOCH;
    }

    public LoginThrottleEntry(String key, Instant now) {
        this.key = key;
        this.lastFailureAt = now;
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public @Nullable Instant getBlockedUntil() {
        return blockedUntil;
    }

    /** Time left before the next attempt is accepted; zero when it may go ahead now. */
    public Duration waitLeft(Instant now) {
        return blockedUntil == null || !blockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, blockedUntil);
    }

    /**
     * Counts one more failure. After {@code freeFailures} the delay doubles with every failure
     * (1 s, 2 s, 4 s …) up to {@code maxDelay}: an attacker is slowed down, but nobody can lock
     * an account for longer than the cap. A quiet period of {@code forgetAfter} starts afresh.
     * The throttle counts every password check this way <em>before</em> it runs, so that checks
     * racing each other cannot get past the count; a correct password is then refunded.
     */
    public void recordFailure(Instant now, int freeFailures, Duration maxDelay, Duration forgetAfter) {
        if (Duration.between(lastFailureAt, now).compareTo(forgetAfter) > 0) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        Duration delay = delayAfter(failures, freeFailures, maxDelay);
        if (!delay.isZero()) {
            blockedUntil = now.plus(delay);
        }
    }

    /**
     * Gives back one failure counted for a check that turned out correct: the counter and its
     * wait go back to what the other failures alone earned, so the people of one office behind
     * one address are not slowed down by each other's correct sign-ins.
     */
    public void refundFailure(int freeFailures, Duration maxDelay) {
        failures = Math.max(0, failures - 1);
        Duration delay = delayAfter(failures, freeFailures, maxDelay);
        if (delay.isZero()) {
            blockedUntil = null;
        } else if (blockedUntil != null && lastFailureAt.plus(delay).isBefore(blockedUntil)) {
            blockedUntil = lastFailureAt.plus(delay);
        }
    }

    /** A correct password for the account: its counter starts afresh. */
    public void clear() {
        failures = 0;
        blockedUntil = null;
    }

    private static Duration delayAfter(int failures, int freeFailures, Duration maxDelay) {
        int excess = failures - freeFailures;
        if (excess <= 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(excess - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
