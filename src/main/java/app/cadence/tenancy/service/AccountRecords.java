package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.UserAccount;
import app.cadence.tenancy.domain.UserAccountRepository;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * A person's own account record, for the account page, the password reset and the session
 * check. The security feature owns the rules (who may, password policy, auditing); this class
 * only owns the entity, so its writers must run inside the security feature's transaction.
 */
@NamedInterface("api")
@Service
public class AccountRecords {

    /** What the account page shows and the password policy needs. */
    public record AccountProfile(Long userId, String email, String displayName) {
    }

    private final UserAccountRepository users;
    private final MembershipRepository memberships;

    AccountRecords(UserAccountRepository users, MembershipRepository memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    @Transactional(readOnly = true)
    public AccountProfile profile(Long userId) {
        UserAccount account = load(userId);
        return new AccountProfile(account.getId(), account.getEmail(), account.getDisplayName());
    }

    @Transactional(readOnly = true)
    public String passwordHash(Long userId) {
        return load(userId).getPasswordHash();
    }

    /**
     * The generation a session of this person must carry to stay signed in; empty when the
     * account is gone or disabled. Read on every request of a signed-in session: one primary-key
     * look-up of one column.
     */
    @Transactional(readOnly = true)
    public OptionalLong sessionGeneration(Long userId) {
        return users.findSessionGeneration(userId).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** The tenants where the person is an active member: whose ADMINs see their account events. */
    @Transactional(readOnly = true)
    public List<Long> activeTenantIds(Long userId) {
        return memberships.findSelectable(userId).stream().map(Membership::getTenant).map(t -> t.getId()).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void rename(Long userId, String displayName) {
        load(userId).rename(displayName);
    }

    /** Returns the new session generation: the caller's own session is re-stamped with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long changePassword(Long userId, String newPasswordHash) {
        return load(userId).changePassword(newPasswordHash);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long endSessions(Long userId) {
        return load(userId).endSessions();
    }

    @Transactional(readOnly = true)
    public Optional<AccountProfile> findEnabledByEmail(String email) {
        return users.findByEmail(UserAccount.normaliseEmail(email)).filter(UserAccount::isEnabled)
                .map(a -> new AccountProfile(a.getId(), a.getEmail(), a.getDisplayName()));
    }

    private UserAccount load(Long userId) {
        return users.findById(userId).orElseThrow(() -> new RecordNotFoundException("Account", userId));
    }
}
