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
     */
    public void recordFailure(Instant now, int freeFailures, Duration maxDelay, Duration forgetAfter) {
        if (Duration.between(lastFailureAt, now).compareTo(forgetAfter) > 0) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        int excess = failures - freeFailures;
        if (excess > 0) {
            Duration delay = Duration.ofSeconds(1L << Math.min(excess - 1, 30));
            blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
    }
}
