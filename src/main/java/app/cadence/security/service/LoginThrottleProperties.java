package app.cadence.security.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling: {@code freeFailures} mistakes cost nothing, then each failure doubles the
 * wait, capped per account (short, so a stranger cannot keep a victim out) and per client
 * address (longer, since it slows one attacker across many accounts).
 */
@ConfigurationProperties("cadence.login")
public record LoginThrottleProperties(int freeFailures, Duration accountMaxDelay, Duration addressMaxDelay,
                                      Duration forgetAfter) {

    public LoginThrottleProperties {
        if (freeFailures <= 0) {
            freeFailures = 3;
        }
        if (accountMaxDelay == null) {
            accountMaxDelay = Duration.ofMinutes(1);
        }
        if (addressMaxDelay == null) {
            addressMaxDelay = Duration.ofMinutes(15);
        }
        if (forgetAfter == null) {
            forgetAfter = Duration.ofHours(1);
        }
    }
}
