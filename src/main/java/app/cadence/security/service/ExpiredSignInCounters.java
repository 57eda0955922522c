package app.cadence.security.service;

import app.cadence.security.domain.AttemptQuotaRepository;
import app.cadence.security.domain.AttemptQuotaUseRepository;
import app.cadence.security.domain.LoginThrottleRepository;
import app.cadence.shared.ExpiredRecords;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttle counters and sign-up quota uses that nobody has touched for the retention
 * period. A counter forgets its failures after an hour and a quota counts the last hour, so these
 * rows hold nothing but which addresses and emails once tried to sign in or sign up: kept for the
 * retention period like the rest, then deleted, so that the tables do not grow with every visitor.
 */
@Component
class ExpiredSignInCounters implements ExpiredRecords {

    private static final int BATCH = 1000;

    private final LoginThrottleRepository counters;
    private final AttemptQuotaRepository quotas;
    private final AttemptQuotaUseRepository uses;

    ExpiredSignInCounters(LoginThrottleRepository counters, AttemptQuotaRepository quotas, AttemptQuotaUseRepository uses) {
        this.counters = counters;
        this.quotas = quotas;
        this.uses = uses;
    }

    @Override
    public String description() {
        return "sign-in counters and sign-up quota uses nobody has touched";
    }

    @Override
    public int deleteStoppedWorkingBefore(Instant cutoff) {
        int deleted = counters.deleteUntouchedSince(cutoff);
        // By id, in batches: a ranged delete would lock index gaps that live sign-ups insert into.
        List<Long> old;
        do {
            old = uses.findIdsUsedBefore(cutoff, PageRequest.of(0, BATCH));
            uses.deleteAllByIdInBatch(old);
            deleted += old.size();
        } while (old.size() == BATCH);
        return deleted + quotas.deleteUnused();
    }
}
