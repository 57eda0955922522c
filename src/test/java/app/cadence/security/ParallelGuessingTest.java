package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.audit.domain.SecurityEventRepository;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.security.service.AccountService;
import app.cadence.security.service.LoginThrottledException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.PasswordChecks;
import app.cadence.support.Simultaneously;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The attack of audit finding C12: many password guesses fired at the same instant must not slip
 * past the throttle. Each test releases its attempts together and counts the bcrypt comparisons
 * that really ran: never more than the free failures plus the one that starts the delay.
 */
@IntegrationTest
class ParallelGuessingTest {

    /** At least as many as the audit fired. */
    static final int PARALLEL = 40;
    /** cadence.login.free-failures (3) plus the failure that starts the first delay. */
    static final int ALLOWED_CHECKS = 4;
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired List<AuthenticationProvider> providers;
    @Autowired Fixtures fixtures;
    @Autowired PasswordChecks passwordChecks;
    @Autowired TestClock clock;
    @Autowired AccountService account;
    @Autowired SecurityEventRepository securityEvents;

    AuthenticationManager signIn;
    Member pm;

    @BeforeEach
    void setUp() {
        // The provider the security configuration gives form login, behind the same kind of manager.
        signIn = new ProviderManager(providers);
        pm = fixtures.member(fixtures.tenant("Guessing"), Role.PM);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    enum Outcome { SIGNED_IN, WRONG, THROTTLED }

    @Test
    void parallelGuessesFromOneFreshAddressCheckNoMorePasswordsThanTheThrottleAllows() throws Exception {
        String guess = "parallel guess " + System.nanoTime();
        String attacker = freshAddress();

        List<Outcome> outcomes = Simultaneously.run(PARALLEL, i -> attempt(pm.email(), guess, attacker));

        long checked = passwordChecks.checksOf(guess);
        assertThat(checked).as("bcrypt comparisons of %d simultaneous guesses", PARALLEL).isLessThanOrEqualTo(ALLOWED_CHECKS);
        assertThat(outcomes).filteredOn(o -> o == Outcome.WRONG).hasSize((int) checked);
        assertThat(outcomes).filteredOn(o -> o == Outcome.THROTTLED).hasSize(PARALLEL - (int) checked);
        assertThat(events(SecurityEventType.SIGN_IN_FAILED)).isEqualTo(checked);
        assertThat(events(SecurityEventType.SIGN_IN_THROTTLED)).isEqualTo(PARALLEL - checked);

        // The account is held back only for the capped delay: then its owner gets in.
        assertThat(attempt(pm.email(), Fixtures.PASSWORD, freshAddress())).isEqualTo(Outcome.THROTTLED);
        clock.advance(Duration.ofSeconds(61));
        assertThat(attempt(pm.email(), Fixtures.PASSWORD, freshAddress())).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void parallelGuessesAcrossManyAccountsFromOneAddressAreCappedToo() throws Exception {
        String guess = "spray guess " + System.nanoTime();
        String attacker = freshAddress();

        List<Outcome> outcomes = Simultaneously.run(PARALLEL,
                i -> attempt("victim" + i + "-" + System.nanoTime() + "@example.com", guess, attacker));

        assertThat(passwordChecks.checksOf(guess)).isLessThanOrEqualTo(ALLOWED_CHECKS);
        assertThat(outcomes).filteredOn(o -> o == Outcome.WRONG).hasSizeLessThanOrEqualTo(ALLOWED_CHECKS);
    }

    @Test
    void aCorrectPasswordIsRefundedSoAnOfficeBehindOneAddressIsNotSlowedDown() throws Exception {
        String office = freshAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("typo" + i + "-" + System.nanoTime() + "@example.com", "typo", office)).isEqualTo(Outcome.WRONG);
        }
        // Three free failures are used up; each correct sign-in is counted while bcrypt runs, then given back.
        for (int i = 0; i < 5; i++) {
            Member colleague = fixtures.member(fixtures.tenant("Office"), Role.CONTRIBUTOR);
            assertThat(attempt(colleague.email(), Fixtures.PASSWORD, office)).as("colleague %d", i).isEqualTo(Outcome.SIGNED_IN);
        }
        // Refunds do not give a guesser more: the next wrong password still starts the delay.
        assertThat(attempt(pm.email(), "guess", office)).isEqualTo(Outcome.WRONG);
        assertThat(attempt(pm.email(), Fixtures.PASSWORD, office)).isEqualTo(Outcome.THROTTLED);
    }

    @Test
    void parallelGuessesOfTheCurrentPasswordOnTheAccountPageAreThrottledLikeSignIn() throws Exception {
        String guess = "account page guess " + System.nanoTime();
        String hijacker = freshAddress();
        Authentication session = pm.authentication();
        String newPassword = "violet kettle orbit " + System.nanoTime();

        List<String> answers = Simultaneously.run(PARALLEL, i -> {
            SecurityContextHolder.getContext().setAuthentication(session);
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setRemoteAddr(hijacker);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            try {
                account.changePassword(guess, newPassword, newPassword);
                return "changed";
            } catch (RuleViolationException e) {
                return e.field() + ": " + e.getMessage();
            } finally {
                SecurityContextHolder.clearContext();
                RequestContextHolder.resetRequestAttributes();
            }
        });

        long checked = passwordChecks.checksOf(guess);
        assertThat(checked).as("bcrypt comparisons of %d simultaneous guesses", PARALLEL).isLessThanOrEqualTo(ALLOWED_CHECKS);
        assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("currentPassword: "));
        assertThat(answers).filteredOn(a -> a.contains("not your current password")).hasSize((int) checked);
        assertThat(answers).filteredOn(a -> a.contains("Wait")).hasSize(PARALLEL - (int) checked);

        // The same counter as sign-in: guessing here also holds back guessing at the sign-in page.
        assertThat(attempt(pm.email(), Fixtures.PASSWORD, freshAddress())).isEqualTo(Outcome.THROTTLED);
        clock.advance(Duration.ofSeconds(61));
        SecurityContextHolder.getContext().setAuthentication(session);
        account.changePassword(Fixtures.PASSWORD, newPassword, newPassword);
        SecurityContextHolder.clearContext();
        assertThat(attempt(pm.email(), newPassword, freshAddress())).isEqualTo(Outcome.SIGNED_IN);
    }

    private Outcome attempt(String email, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        MockHttpServletRequest http = new MockHttpServletRequest();
        http.setRemoteAddr(address);
        request.setDetails(new WebAuthenticationDetails(http));
        try {
            signIn.authenticate(request);
            return Outcome.SIGNED_IN;
        } catch (LoginThrottledException e) {
            return Outcome.THROTTLED;
        } catch (BadCredentialsException e) {
            return Outcome.WRONG;
        } catch (AuthenticationException e) {
            throw new AssertionError("Unexpected answer to a sign-in", e);
        }
    }

    private long events(SecurityEventType type) {
        return securityEvents.findAll().stream().filter(e -> e.getActor().equals(pm.email()) && e.getType() == type).count();
    }

    private static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10.91." + (n / 250) + "." + (n % 250 + 1);
    }
}
