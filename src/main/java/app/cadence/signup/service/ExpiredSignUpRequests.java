package app.cadence.signup.service;

import app.cadence.shared.ExpiredRecords;
import app.cadence.signup.domain.SignUpRequestRepository;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Completed and expired sign-ups go after the retention period, and with them the password hash
 * an unconfirmed one holds; the security log keeps the record of who signed up.
 */
@Component
class ExpiredSignUpRequests implements ExpiredRecords {

    private final SignUpRequestRepository requests;

    ExpiredSignUpRequests(SignUpRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String description() {
        return "completed or expired sign-up requests";
    }

    @Override
    public int deleteStoppedWorkingBefore(Instant cutoff) {
        return requests.deleteStoppedWorkingBefore(cutoff);
    }
}
