package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.UserAccount;
import app.cadence.tenancy.domain.UserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Who is a platform operator. The flag is granted from configuration at start-up
 * ({@code cadence.operators}) and by the demo seeder; no screen grants it, so that nobody signed
 * in can make themselves or anyone else an operator. Not method-secured for that reason: its
 * callers run before anyone is signed in.
 */
@NamedInterface("api")
@Service
@Transactional
public class PlatformOperators {

    private final UserAccountRepository users;

    PlatformOperators(UserAccountRepository users) {
        this.users = users;
    }

    /** Makes the account with this email an operator; false when there is no such account. */
    public boolean grant(String email) {
        return users.findByEmail(UserAccount.normaliseEmail(email)).map(u -> {
            u.makePlatformOperator();
            return true;
        }).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean isOperator(Long userId) {
        return users.findById(userId).map(UserAccount::isPlatformOperator).orElse(false);
    }
}
