package app.cadence.mail.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long what no longer works is kept ({@code cadence.retention.*}, see
 * docs/security.md#secrets-at-rest-and-retention).
 *
 * @param keepFor  how long a sent or expired email, and a used, withdrawn or expired single-use
 *                 link (password reset, invitation, sign-up), is kept before it is deleted: long
 *                 enough to answer "did the email go out?", short enough not to pile up
 * @param interval how often one node of the cluster purges
 */
@ConfigurationProperties("cadence.retention")
public record RetentionProperties(Duration keepFor, Duration interval) {

    public RetentionProperties {
        if (keepFor == null || keepFor.isNegative()) {
            keepFor = Duration.ofDays(30);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            interval = Duration.ofHours(1);
        }
    }
}
