package app.cadence.security.service;

import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.LoginAccount;
import app.cadence.tenancy.service.PlatformOperators;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email + password sign-in: throttled, with one message for every kind of failure, ending in a
 * {@link CadenceAuthentication} that already has the tenant selected when the user has only one.
 */
@Component
class CadenceAuthenticationProvider implements AuthenticationProvider {

    /** The same words whether the account is unknown, disabled or the password wrong. */
    static final String BAD_CREDENTIALS = "Incorrect email or password.";

    private static final Logger log = LoggerFactory.getLogger(CadenceAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwordCheck;
    private final AccountDirectory accounts;
    private final LoginThrottle throttle;
    private final PlatformOperators operators;

    CadenceAuthenticationProvider(AccountDirectory accounts, LoginThrottle throttle, PasswordEncoder passwordEncoder,
                                  PlatformOperators operators) {
        this.accounts = accounts;
        this.operators = operators;
        this.throttle = throttle;
        this.passwordCheck = new DaoAuthenticationProvider(this::loadAccount);
        this.passwordCheck.setPasswordEncoder(passwordEncoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = AccountDirectory.normaliseEmail(authentication.getName());
        String address = clientAddress(authentication);
        throttle.checkAllowed(email, address);
        Authentication checked;
        try {
            checked = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException | UsernameNotFoundException e) {
            throttle.recordFailure(email, address);
            log.info("Failed sign-in for {} from {}", email, address);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(email);
        AccountPrincipal principal = (AccountPrincipal) checked.getPrincipal();
        CadenceUser user = new CadenceUser(principal.userId, principal.getUsername(), principal.displayName);
        CadenceAuthentication result = new CadenceAuthentication(user, accounts.initialSelection(principal.userId).orElse(null),
                operators.isOperator(principal.userId));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserDetails loadAccount(String email) {
        LoginAccount account = accounts.findLoginAccount(email)
                .orElseThrow(() -> new UsernameNotFoundException(BAD_CREDENTIALS));
        return new AccountPrincipal(account);
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }

    private static final class AccountPrincipal extends User {
        private final Long userId;
        private final String displayName;

        AccountPrincipal(LoginAccount account) {
            super(account.email(), account.passwordHash(), account.enabled(), true, true, true, List.of());
            this.userId = account.userId();
            this.displayName = account.displayName();
        }
    }
}
