package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.security.domain.LoginThrottleEntry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleEntryTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration CAP = Duration.ofMinutes(1);
    static final Duration FORGET = Duration.ofHours(1);

    @Test
    void theFirstFailuresCostNothingThenTheWaitDoubles() {
        LoginThrottleEntry entry = new LoginThrottleEntry("account:a@example.com", T0);
        for (int i = 0; i < 3; i++) {
            entry.recordFailure(T0, 3, CAP, FORGET);
            assertThat(entry.waitLeft(T0)).isZero();
        }
        entry.recordFailure(T0, 3, CAP, FORGET);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(1));
        entry.recordFailure(T0, 3, CAP, FORGET);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(2));
        entry.recordFailure(T0, 3, CAP, FORGET);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theWaitNeverExceedsTheCap() {
        LoginThrottleEntry entry = new LoginThrottleEntry("k", T0);
        for (int i = 0; i < 100; i++) {
            entry.recordFailure(T0, 3, CAP, FORGET);
        }
        assertThat(entry.waitLeft(T0)).isEqualTo(CAP);
        assertThat(entry.waitLeft(T0.plus(CAP))).isZero();
    }

    @Test
    void aQuietPeriodStartsAfresh() {
        LoginThrottleEntry entry = new LoginThrottleEntry("k", T0);
        for (int i = 0; i < 10; i++) {
            entry.recordFailure(T0, 3, CAP, FORGET);
        }
        Instant later = T0.plus(Duration.ofHours(2));
        entry.recordFailure(later, 3, CAP, FORGET);
        assertThat(entry.getFailures()).isEqualTo(1);
        assertThat(entry.waitLeft(later)).isZero();
    }

    @Test
    void aRefundGivesBackTheCountAndTheWaitItCaused() {
        LoginThrottleEntry entry = new LoginThrottleEntry("address:10.0.0.1", T0);
        for (int i = 0; i < 3; i++) {
            entry.recordFailure(T0, 3, CAP, FORGET);
        }
        // The fourth check is reserved as a failure, which starts a delay; it proves correct.
        entry.recordFailure(T0, 3, CAP, FORGET);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(1));
        entry.refundFailure(3, CAP);
        assertThat(entry.getFailures()).isEqualTo(3);
        assertThat(entry.waitLeft(T0)).isZero();

        // With real failures beyond the free ones, the wait they earned stays.
        entry.recordFailure(T0, 3, CAP, FORGET);
        entry.recordFailure(T0, 3, CAP, FORGET);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(2));
        entry.refundFailure(3, CAP);
        assertThat(entry.waitLeft(T0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefundNeverGoesBelowZeroAndClearingStartsAfresh() {
        LoginThrottleEntry entry = new LoginThrottleEntry("k", T0);
        entry.refundFailure(3, CAP);
        assertThat(entry.getFailures()).isZero();
        for (int i = 0; i < 10; i++) {
            entry.recordFailure(T0, 3, CAP, FORGET);
        }
        entry.clear();
        assertThat(entry.getFailures()).isZero();
        assertThat(entry.waitLeft(T0)).isZero();
    }
}
