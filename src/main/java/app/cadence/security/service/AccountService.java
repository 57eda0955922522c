package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.AccountRecords.AccountProfile;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The signed-in person's own account: name, password, sessions. Nobody else's. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    public static final int DISPLAY_NAME_MAX = 120;
    private static final String NOT_CURRENT_PASSWORD = "This is not your current password. Type it again.";
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRecords accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountEventLog accountLog;
    private final LoginThrottle throttle;
    private final TransactionTemplate transaction;

    AccountService(AccountRecords accounts, PasswordPolicy policy, PasswordEncoder encoder, AccountEventLog accountLog,
                   LoginThrottle throttle, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.accountLog = accountLog;
        this.throttle = throttle;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Transactional(readOnly = true)
    public AccountProfile profile() {
        return accounts.profile(me().userId());
    }

    @Transactional
    public void changeDisplayName(@Nullable String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("displayName", "Enter the name your colleagues know you by.");
        }
        if (name.length() > DISPLAY_NAME_MAX) {
            throw new RuleViolationException("displayName", "Use at most " + DISPLAY_NAME_MAX + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException("displayName", "Use letters, digits, spaces and punctuation only.");
        }
        CadenceUser me = me();
        AccountProfile before = accounts.profile(me.userId());
        if (before.displayName().equals(name)) {
            return;
        }
        accounts.rename(me.userId(), name);
        accountLog.record(SecurityEventType.PROFILE_CHANGED, me.userId(), me.email(), "Display name: " + before.displayName() + " → " + name);
        CurrentSession.rename(name);
    }

    /**
     * Sets a new password after checking the current one. Every other session of the person ends
     * on its next request; this one stays signed in.
     * <p>
     * The current password is checked under the sign-in throttle, with the same counters: a
     * hijacked session guessing it here is slowed down exactly like a guesser at the sign-in page,
     * and parallel guesses are reserved one by one before bcrypt runs (audit finding C12). Hence
     * no transaction around the whole method: the reservation commits on its own before the
     * check, and the change itself runs in a transaction of its own after it.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void changePassword(@Nullable String currentPassword, @Nullable String newPassword, @Nullable String confirmation) {
        CadenceUser me = me();
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new RuleViolationException("currentPassword", NOT_CURRENT_PASSWORD);
        }
        String address = Objects.requireNonNullElse(ClientAddress.ofCurrentRequest(), "unknown");
        try {
            throttle.reserveCheck(me.email(), address);
        } catch (LoginThrottledException e) {
            throw new RuleViolationException("currentPassword", "Too many wrong passwords have been typed for your account. Wait "
                    + e.retryAfter().toSeconds() + " seconds, then type your current password again.");
        }
        if (!encoder.matches(currentPassword, accounts.passwordHash(me.userId()))) {
            log.info("Wrong current password on the account page of {} from {}", me.email(), address);
            throw new RuleViolationException("currentPassword", NOT_CURRENT_PASSWORD);
        }
        throttle.refundCorrectCheck(me.email(), address);
        long generation = Objects.requireNonNull(transaction.execute(status -> {
            AccountProfile profile = accounts.profile(me.userId());
            policy.check(newPassword, profile.email(), profile.displayName());
            if (!newPassword.equals(confirmation)) {
                throw new RuleViolationException("confirmation", "The two new passwords differ. Type the new password again here.");
            }
            if (encoder.matches(newPassword, accounts.passwordHash(me.userId()))) {
                throw new RuleViolationException("password", "This is your current password. Choose a new one.");
            }
            long changed = accounts.changePassword(me.userId(), encoder.encode(newPassword));
            accountLog.record(SecurityEventType.PASSWORD_CHANGED, me.userId(), me.email(), "Other sessions signed out");
            return changed;
        }));
        CurrentSession.restamp(generation);
    }

    /** Ends every session of the person, this one included once the caller signs it out. */
    @Transactional
    public void signOutEverywhere() {
        CadenceUser me = me();
        accounts.endSessions(me.userId());
        accountLog.record(SecurityEventType.SIGNED_OUT_EVERYWHERE, me.userId(), me.email(), null);
    }

    private static CadenceUser me() {
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
