package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.AccountRecords.AccountProfile;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own account: name, password, sessions. Nobody else's. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    public static final int DISPLAY_NAME_MAX = 120;

    private final AccountRecords accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountEventLog accountLog;

    AccountService(AccountRecords accounts, PasswordPolicy policy, PasswordEncoder encoder, AccountEventLog accountLog) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.accountLog = accountLog;
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
     */
    @Transactional
    public void changePassword(@Nullable String currentPassword, @Nullable String newPassword, @Nullable String confirmation) {
        CadenceUser me = me();
        if (currentPassword == null || currentPassword.isEmpty()
                || !encoder.matches(currentPassword, accounts.passwordHash(me.userId()))) {
            throw new RuleViolationException("currentPassword", "This is not your current password. Type it again.");
        }
        AccountProfile profile = accounts.profile(me.userId());
        policy.check(newPassword, profile.email(), profile.displayName());
        if (!newPassword.equals(confirmation)) {
            throw new RuleViolationException("confirmation", "The two new passwords differ. Type the new password again here.");
        }
        if (encoder.matches(newPassword, accounts.passwordHash(me.userId()))) {
            throw new RuleViolationException("password", "This is your current password. Choose a new one.");
        }
        long generation = accounts.changePassword(me.userId(), encoder.encode(newPassword));
        accountLog.record(SecurityEventType.PASSWORD_CHANGED, me.userId(), me.email(), "Other sessions signed out");
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
