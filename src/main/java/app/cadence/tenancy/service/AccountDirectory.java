package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.UserAccount;
import app.cadence.tenancy.domain.UserAccountRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/** Look-ups of accounts and memberships needed before a tenant is selected (login, picker). */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    private final UserAccountRepository users;
    private final MembershipRepository memberships;
    private final java.time.Clock clock;

    AccountDirectory(UserAccountRepository users, MembershipRepository memberships, java.time.Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The form in which emails are stored and compared (trimmed, lower case). */
    public static String normaliseEmail(String email) {
        return UserAccount.normaliseEmail(email);
    }

    public Optional<LoginAccount> findLoginAccount(String email) {
        return users.findByEmail(UserAccount.normaliseEmail(email))
                .map(u -> new LoginAccount(u.getId(), u.getEmail(), u.getDisplayName(), u.getPasswordHash(), u.isEnabled()));
    }

    /**
     * The selection a fresh login starts with: the only membership when there is exactly one,
     * none when the user must pick (or has nothing to pick).
     */
    @Transactional
    public Optional<TenantSelection> initialSelection(Long userId) {
        List<Membership> selectable = memberships.findSelectable(userId);
        if (selectable.size() != 1) {
            return Optional.empty();
        }
        Membership only = selectable.getFirst();
        // Entering the organisation at sign-in counts as activity, as a switch to it does.
        only.markActive(clock.instant());
        return Optional.of(new TenantSelection(only.getTenant().getId(), only.getTenant().getName(), only.getRole()));
    }
}
