package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.tenancy.service.AccountDirectory;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.LoginAccount;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.tenancy.service.PlatformOperators;
import java.time.Clock;
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
    private final AccountRecords accountRecords;
    private final SecurityLog securityLog;
    private final PlatformOperators operators;
    private final Clock clock;

    CadenceAuthenticationProvider(AccountDirectory accounts, LoginThrottle throttle, PasswordEncoder passwordEncoder,
                                  AccountRecords accountRecords, SecurityLog securityLog, PlatformOperators operators, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        this.operators = operators;
        this.throttle = throttle;
        this.accountRecords = accountRecords;
        this.securityLog = securityLog;
        this.passwordCheck = new DaoAuthenticationProvider(this::loadAccount);
        this.passwordCheck.setPasswordEncoder(passwordEncoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = AccountDirectory.normaliseEmail(authentication.getName());
        String address = clientAddress(authentication);
        try {
            // Counted as a failure before bcrypt runs: parallel guesses cannot all pass a check
            // that none of them has been counted in yet.
            throttle.reserveCheck(email, address);
        } catch (LoginThrottledException e) {
            securityLog.record(SecurityEventType.SIGN_IN_THROTTLED, null, actor(email), null,
                    "Asked to wait " + e.retryAfter().toSeconds() + " s");
            throw e;
        }
        Authentication checked;
        try {
            checked = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException | UsernameNotFoundException e) {
            // Already counted by the reservation; nothing to give back.
            log.info("Failed sign-in for {} from {}", email, address);
            // The email as typed says whom someone is trying; the password is never kept.
            securityLog.record(SecurityEventType.SIGN_IN_FAILED, null, actor(email), null, null);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.refundCorrectCheck(email, address);
        AccountPrincipal principal = (AccountPrincipal) checked.getPrincipal();
        CadenceUser user = new CadenceUser(principal.userId, principal.getUsername(), principal.displayName);
        TenantSelection selection = accounts.initialSelection(principal.userId).orElse(null);
        CadenceAuthentication result = new CadenceAuthentication(user, selection, operators.isOperator(principal.userId));
        // Read after the password check: a password change racing with this sign-in ends it.
        long generation = accountRecords.sessionGeneration(principal.userId).orElse(0L);
        result.setDetails(SignInDetails.atSignIn(authentication.getDetails(), generation, clock.instant()));
        // With several organisations the person picks one next; SignInEvents logs it in that one.
        securityLog.record(SecurityEventType.SIGNED_IN, selection == null ? null : selection.tenantId(), user.email(), null,
                selection == null ? "Chooses an organisation next" : null);
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

    /** The actor column holds an email; what someone typed may be longer. */
    private static String actor(String typedEmail) {
        String actor = typedEmail.isEmpty() ? "(no email)" : typedEmail;
        return actor.length() <= 254 ? actor : actor.substring(0, 253) + "…";
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
