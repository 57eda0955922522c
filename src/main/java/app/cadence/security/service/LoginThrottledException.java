package app.cadence.security.service;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused for now because of recent failures; says how long to wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-in attempts. Try again in " + retryAfter.toSeconds() + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
