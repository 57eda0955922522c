package app.cadence.security.service;

import app.cadence.security.domain.PasswordResetTokenRepository;
import app.cadence.shared.ExpiredRecords;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Used and expired password-reset links go after the retention period: they only say who reset when. */
@Component
class ExpiredPasswordResetLinks implements ExpiredRecords {

    private final PasswordResetTokenRepository tokens;

    ExpiredPasswordResetLinks(PasswordResetTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public String description() {
        return "used or expired password-reset links";
    }

    @Override
    public int deleteStoppedWorkingBefore(Instant cutoff) {
        return tokens.deleteStoppedWorkingBefore(cutoff);
    }
}
