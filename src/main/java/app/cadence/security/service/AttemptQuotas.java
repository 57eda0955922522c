package app.cadence.security.service;

import app.cadence.security.domain.AttemptQuotaRepository;
import app.cadence.security.domain.AttemptQuotaUse;
import app.cadence.security.domain.AttemptQuotaUseRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.NamedInterface;

/**
 * "At most N per window per key" — sign-up emails to one inbox, sign-up requests from one client
 * — counted in the database, so that the caps hold across nodes and against requests fired in
 * parallel: each request locks the key's row, counts the uses still inside the window and records
 * its own before it lets the next one look (audit finding C12). Claim before the expensive or
 * visible work (bcrypt, an email), so that a refused request costs next to nothing.
 */
@NamedInterface("api")
@Service
public class AttemptQuotas {

    /** At most {@code limit} uses of {@code key} in any {@code window}. Keys up to 300 characters. */
    public record Quota(String key, int limit, Duration window) {

        public Quota {
            if (key.isEmpty() || key.length() > 300) {
                throw new IllegalArgumentException("A quota key has 1 to 300 characters: " + key);
            }
            if (limit < 0 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A quota needs a limit of 0 or more and a positive window");
            }
        }
    }

    private final AttemptQuotaRepository quotas;
    private final AttemptQuotaUseRepository uses;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AttemptQuotas(AttemptQuotaRepository quotas, AttemptQuotaUseRepository uses, PlatformTransactionManager transactions, Clock clock) {
        this.quotas = quotas;
        this.uses = uses;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Uses one of each quota, all or none: when any is used up, nothing is counted and that quota
     * is returned (the first in the order given). Committed before it returns. Never inside a
     * caller's transaction, which would hold the lock until the caller's work is done, or, with
     * this method's own transaction, a second pool connection per waiting request.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<Quota> claim(List<Quota> wanted) {
        wanted.stream().map(Quota::key).distinct().forEach(this::ensureKey);
        return ownTransaction.execute(status -> {
            Instant now = clock.instant();
            // Always the same order, whichever request locks them: no two wait for each other's second row.
            wanted.stream().map(Quota::key).distinct().sorted(Comparator.naturalOrder()).forEach(key ->
                    quotas.findForUpdate(key).orElseThrow(() -> new IllegalStateException("No quota row " + key)));
            for (Quota quota : wanted) {
                Instant since = now.minus(quota.window());
                // Uses that have left the window no longer count: dropping them keeps each key's rows few.
                List<Long> expired = uses.findIdsUntil(quota.key(), since);
                if (!expired.isEmpty()) {
                    uses.deleteAllByIdInBatch(expired);
                }
                if (uses.countSince(quota.key(), since) >= quota.limit()) {
                    return Optional.of(quota);
                }
            }
            wanted.forEach(quota -> uses.save(new AttemptQuotaUse(quota.key(), now)));
            return Optional.<Quota>empty();
        });
    }

    /**
     * Makes sure the key has a row to lock; in its own transaction, so that losing the race to
     * create it (a duplicate key) costs nothing but this insert.
     */
    private void ensureKey(String key) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!quotas.existsById(key)) {
                    quotas.insertKey(key);
                }
            });
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // Another request created the row between the check and the insert: it exists, as wanted.
        }
    }
}
