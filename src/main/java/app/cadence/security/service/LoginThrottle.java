package app.cadence.security.service;

import app.cadence.security.domain.LoginThrottleEntry;
import app.cadence.security.domain.LoginThrottleRepository;
import app.cadence.tenancy.service.AccountDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Slows down password guessing, per account and per client address. */
@Service
public class LoginThrottle {

    private final LoginThrottleRepository entries;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository entries, LoginThrottleProperties properties, Clock clock) {
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Throws when either the account or the address must still wait. */
    @Transactional(readOnly = true)
    public void checkAllowed(String email, String address) {
        Instant now = clock.instant();
        Duration wait = keys(email, address).stream()
                .flatMap(key -> entries.findById(key).stream())
                .map(e -> e.waitLeft(now))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        if (!wait.isZero()) {
            throw new LoginThrottledException(roundUpToSeconds(wait));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        count(accountKey(email), now, properties.accountMaxDelay());
        count(addressKey(address), now, properties.addressMaxDelay());
    }

    /** A correct password clears the account's counter; the address keeps its history. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String email) {
        entries.deleteById(accountKey(email));
    }

    private void count(String key, Instant now, Duration maxDelay) {
        LoginThrottleEntry entry = entries.findForUpdate(key).orElseGet(() -> new LoginThrottleEntry(key, now));
        entry.recordFailure(now, properties.freeFailures(), maxDelay, properties.forgetAfter());
        entries.save(entry);
    }

    private static List<String> keys(String email, String address) {
        return List.of(accountKey(email), addressKey(address));
    }

    static String accountKey(String email) {
        String normalised = AccountDirectory.normaliseEmail(email);
        return "account:" + (normalised.length() > 250 ? normalised.substring(0, 250) : normalised);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
