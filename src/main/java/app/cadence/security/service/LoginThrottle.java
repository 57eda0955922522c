package app.cadence.security.service;

import app.cadence.security.domain.LoginThrottleEntry;
import app.cadence.security.domain.LoginThrottleRepository;
import app.cadence.tenancy.service.AccountDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, per account and per client address. Every password check is
 * <em>reserved</em> before it runs: under a lock on the two counters, the throttle refuses it or
 * counts it as a failure and commits; only then is the password compared, and a correct one is
 * refunded. Guesses fired in parallel therefore queue on the lock and see each other's counts, so
 * they never get more checks than the throttle allows (audit finding C12), on any number of nodes.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleRepository entries;
    private final LoginThrottleProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository entries, LoginThrottleProperties properties, PlatformTransactionManager transactions,
                  Clock clock) {
        this.entries = entries;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Reserves one password check for the account and the address: throws when either must still
     * wait, otherwise counts the check as a failure (committed before this returns) so that the
     * caller may compare the password. Never called inside a transaction: the counters' lock is
     * held only for this short transaction, never while bcrypt runs, and a caller's transaction
     * would hold a second pool connection for each waiting guess.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void reserveCheck(String email, String address) {
        List<String> keys = lockOrder(email, address);
        keys.forEach(this::ensureCounter);
        Duration wait;
        try {
            wait = ownTransaction.execute(status -> {
                Instant now = clock.instant();
                List<LoginThrottleEntry> counters = keys.stream().map(this::lock).toList();
                Duration longest = counters.stream().map(e -> e.waitLeft(now)).max(Duration::compareTo).orElse(Duration.ZERO);
                if (longest.isZero()) {
                    counters.forEach(e -> e.recordFailure(now, properties.freeFailures(), maxDelay(e), properties.forgetAfter()));
                }
                return longest;
            });
        } catch (PessimisticLockingFailureException e) {
            // Fail closed: a check that could not be counted is not made. The person tries again.
            log.warn("Sign-in throttle for {} from {} not reached in time: {}", email, address, e.getMessage());
            wait = Duration.ofSeconds(1);
        }
        if (wait != null && !wait.isZero()) {
            throw new LoginThrottledException(roundUpToSeconds(wait));
        }
    }

    /**
     * The reserved check found the right password: the account's counter starts afresh, and the
     * address gets its provisional failure back, so that an office behind one address is not
     * slowed down by its people's correct sign-ins.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void refundCorrectCheck(String email, String address) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                for (String key : lockOrder(email, address)) {
                    LoginThrottleEntry entry = lock(key);
                    if (key.equals(accountKey(email))) {
                        entry.clear();
                    } else {
                        entry.refundFailure(properties.freeFailures(), maxDelay(entry));
                    }
                }
            });
        } catch (PessimisticLockingFailureException e) {
            // The password was right: the person goes ahead, and the counters keep one failure too many.
            log.warn("Sign-in throttle refund for {} from {} not made: {}", email, address, e.getMessage());
        }
    }

    /** Always the same order, whichever request locks them: two requests never wait for each other's second row. */
    private static List<String> lockOrder(String email, String address) {
        return List.of(accountKey(email), addressKey(address)).stream().sorted().toList();
    }

    /**
     * Makes sure the key has a row to lock. Its own transaction, so that losing the race to
     * create it (a duplicate key) costs nothing but this insert.
     */
    private void ensureCounter(String key) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!entries.existsById(key)) {
                    entries.insertEmpty(key, clock.instant());
                }
            });
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // Another request created the row between the check and the insert: it exists, as wanted.
        }
    }

    private LoginThrottleEntry lock(String key) {
        return entries.findForUpdate(key).orElseThrow(() -> new IllegalStateException("No throttle counter " + key));
    }

    private Duration maxDelay(LoginThrottleEntry entry) {
        return entry.getKey().startsWith("account:") ? properties.accountMaxDelay() : properties.addressMaxDelay();
    }

    static String accountKey(String email) {
        String normalised = AccountDirectory.normaliseEmail(email);
        return "account:" + (normalised.length() > 250 ? normalised.substring(0, 250) : normalised);
    }

    static String addressKey(String address) {
        return "address:" + (address.length() > 250 ? address.substring(0, 250) : address);
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
