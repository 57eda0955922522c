package app.cadence.security.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password-reset links: how long one works, and how many may be asked for. The caps keep the
 * form from being used to flood someone's mailbox: at most {@code maxUsablePerAccount} working
 * links per account (a new one is sent only when an older one has expired or been used), and
 * {@code maxPerAddressPerHour} links asked for from one client address in an hour.
 */
@ConfigurationProperties("cadence.password-reset")
public record PasswordResetProperties(Duration validFor, int maxUsablePerAccount, int maxPerAddressPerHour) {

    public PasswordResetProperties {
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            validFor = Duration.ofHours(1);
        }
        if (maxUsablePerAccount <= 0) {
            maxUsablePerAccount = 3;
        }
        if (maxPerAddressPerHour <= 0) {
            maxPerAddressPerHour = 20;
        }
    }
}
