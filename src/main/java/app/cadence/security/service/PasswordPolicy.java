package app.cadence.security.service;

import app.cadence.shared.domain.RuleViolationException;
import org.springframework.stereotype.Component;

/** Placeholder until the account work lands: the length rule only. */
@Component
public class PasswordPolicy {

    public void check(String password, String email, String displayName) {
        if (password == null || password.length() < 12) {
            throw new RuleViolationException("password", "Use at least 12 characters.");
        }
    }
}
