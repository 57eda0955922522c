package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceAuthentication;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Sign-in through the real security filter chain. */
@IntegrationTest
class SignInTest {

    @Autowired WebApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters;

    MockMvc mvc;
    Member pm;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        pm = fixtures.member(fixtures.tenant("Umbrella"), Role.PM);
    }

    @Test
    void anonymousVisitorsReachOnlyTheSignInPageItsStylesAndHealth() throws Exception {
        // Not answered with the form Spring Security generates when it believes no login page is
        // configured. (Vaadin serves the real page; the browser journey signs in through it.)
        assertThat(throughSecurityFilters("/login").response().getContentAsString()).doesNotContain("Please sign in");
        // Passed on, not intercepted, for anonymous visitors (Vaadin serves the password-reset pages).
        for (String open : new String[] {"/styles/app.css", "/actuator/health", "/forgot-password", "/reset-password/some-token"}) {
            FilterOutcome outcome = throughSecurityFilters(open);
            assertThat(outcome.passedOn()).as("%s: %s %s", open, outcome.response().getStatus(), outcome.response().getRedirectedUrl()).isTrue();
        }
        // Everything else, known or not, asks anonymous visitors to sign in first (never a bare 403).
        for (String closed : new String[] {"/projects", "/does-not-exist"}) {
            FilterOutcome outcome = throughSecurityFilters(closed);
            assertThat(outcome.passedOn()).as(closed).isFalse();
            assertThat(outcome.response().getRedirectedUrl()).as(closed).endsWith("/login");
        }
    }

    @Test
    void unknownAccountAndWrongPasswordGiveTheSameAnswer() throws Exception {
        MockHttpServletResponse unknown = signIn("nobody-" + System.nanoTime() + "@example.com", "whatever", "10.1.0.1");
        MockHttpServletResponse wrong = signIn(pm.email(), "wrong password", "10.1.0.2");

        assertThat(unknown.getStatus()).isEqualTo(302);
        assertThat(unknown.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(wrong.getStatus()).isEqualTo(unknown.getStatus());
        assertThat(wrong.getRedirectedUrl()).isEqualTo(unknown.getRedirectedUrl());
    }

    @Test
    void signInRotatesTheSessionIdAndSelectsTheOnlyTenant() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf()).with(remote("10.1.0.3"))
                .param("username", pm.email().toUpperCase()).param("password", Fixtures.PASSWORD)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
        SecurityContext stored = (SecurityContext) result.getRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        CadenceAuthentication auth = (CadenceAuthentication) stored.getAuthentication();
        assertThat(auth.selection()).isNotNull();
        assertThat(auth.selection().tenantId()).isEqualTo(pm.tenantId());
        assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).containsExactlyInAnyOrder("ROLE_PM", "ROLE_MEMBERS", "ROLE_PROJECT_MANAGERS");
    }

    @Test
    void aMemberOfSeveralTenantsStartsWithoutATenant() throws Exception {
        Member consultant = fixtures.join(pm, fixtures.tenant("Second"), Role.PMO);
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(remote("10.1.0.4"))
                .param("username", consultant.email()).param("password", Fixtures.PASSWORD)).andReturn();
        SecurityContext stored = (SecurityContext) result.getRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        CadenceAuthentication auth = (CadenceAuthentication) stored.getAuthentication();
        assertThat(auth.selection()).isNull();
        assertThat(auth.getAuthorities()).isEmpty();
    }

    // --- platform operators and suspended tenants (C5) -----------------------------------------

    @Autowired app.cadence.tenancy.service.PlatformOperators operators;
    @Autowired app.cadence.tenancy.service.TenantSelectionService selection;
    @Autowired app.cadence.operator.service.TenantAdministration administration;

    @Test
    void anOperatorSignsInWithoutAnyMembershipAndKeepsTheFlagAcrossATenantSwitch() throws Exception {
        String email = Fixtures.unique("operator") + "@cadence.test";
        fixtures.operatorAccount(email);
        CadenceAuthentication alone = signedIn(email, "10.1.0.7");
        assertThat(alone.selection()).isNull();
        assertThat(alone.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_OPERATOR");

        operators.grant(pm.email());
        CadenceAuthentication member = signedIn(pm.email(), "10.1.0.8");
        assertThat(member.getAuthorities()).extracting(a -> a.getAuthority()).containsExactlyInAnyOrder("ROLE_PM", "ROLE_MEMBERS", "ROLE_PROJECT_MANAGERS", "ROLE_OPERATOR");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(member.withoutSelection());
        try {
            selection.select(pm.tenantId());
            assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                    .extracting(a -> a.getAuthority()).containsExactlyInAnyOrder("ROLE_PM", "ROLE_MEMBERS", "ROLE_PROJECT_MANAGERS", "ROLE_OPERATOR");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aSuspendedTenantIsNotEnteredAtSignInAndIsTakenFromSessionsAlreadyInside() throws Exception {
        // Signed in through the form: a session carries its sign-in time, and one without would be ended as too old.
        MockHttpSession inside = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(remote("10.1.0.10"))
                .param("username", pm.email()).param("password", Fixtures.PASSWORD)).andReturn().getRequest().getSession();
        requestThroughSecurityFilters(inside);
        assertThat(storedIn(inside).selection()).as("open tenant kept").isNotNull();

        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(fixtures.operator());
        try {
            administration.suspend(pm.tenantId(), "Unpaid");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        requestThroughSecurityFilters(inside);
        assertThat(storedIn(inside).selection()).as("taken at the next request").isNull();
        assertThat(storedIn(inside).getAuthorities()).isEmpty();
        CadenceAuthentication fresh = signedIn(pm.email(), "10.1.0.9");
        assertThat(fresh.selection()).isNull();
        assertThat(fresh.getAuthorities()).isEmpty();
    }

    /** A page load of a signed-in session, as far as the security filters see it. */
    private void requestThroughSecurityFilters(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/projects");
        request.setPathInfo("/projects");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        securityFilters.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("passed on to Vaadin, not sent to sign in").isNotNull();
    }

    private CadenceAuthentication signedIn(String email, String address) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(remote(address))
                .param("username", email).param("password", Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return storedIn(result.getRequest().getSession());
    }

    private static CadenceAuthentication storedIn(jakarta.servlet.http.HttpSession session) {
        SecurityContext stored = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return (CadenceAuthentication) stored.getAuthentication();
    }

    // -------------------------------------------------------------------------------------------

    @Test
    void repeatedFailuresSlowDownTheAccountButNeverLockItForGood() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(pm.email(), "guess " + i, "10.2.0." + i).getRedirectedUrl()).isEqualTo("/login?error");
        }
        // The fourth failure starts the delay: even the right password now has to wait.
        assertThat(signIn(pm.email(), "guess 3", "10.2.0.3").getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(signIn(pm.email(), Fixtures.PASSWORD, "10.2.0.9").getRedirectedUrl()).isEqualTo("/login?throttled=1");

        // A stranger keeps guessing from many addresses: the wait grows, but stops at the cap.
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(2));
            signIn(pm.email(), "guess again", "10.3.0." + i);
        }
        assertThat(signIn(pm.email(), Fixtures.PASSWORD, "10.2.0.9").getRedirectedUrl()).isEqualTo("/login?throttled=60");

        // After the capped delay the owner gets in.
        clock.advance(Duration.ofSeconds(61));
        assertThat(signIn(pm.email(), Fixtures.PASSWORD, "10.2.0.9").getRedirectedUrl()).doesNotContain("error", "throttled");
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() throws Exception {
        String attacker = "10.4.0.1";
        for (int i = 0; i < 4; i++) {
            signIn("victim" + i + "-" + System.nanoTime() + "@example.com", "guess", attacker);
        }
        assertThat(signIn(pm.email(), Fixtures.PASSWORD, attacker).getRedirectedUrl()).startsWith("/login?throttled=");
        // The real user, elsewhere, is not affected.
        assertThat(signIn(pm.email(), Fixtures.PASSWORD, "10.4.0.2").getRedirectedUrl()).doesNotContain("error", "throttled");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreNot() throws Exception {
        MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("\"status\":\"UP\"");
        assertThat(mvc.perform(get("/actuator/env")).andReturn().getResponse().getStatus()).isIn(302, 401, 403, 404);
        assertThat(mvc.perform(get("/actuator/beans")).andReturn().getResponse().getStatus()).isIn(302, 401, 403, 404);
    }

    private record FilterOutcome(boolean passedOn, MockHttpServletResponse response) {
    }

    private FilterOutcome throughSecurityFilters(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", path);
        request.setPathInfo(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        securityFilters.doFilter(request, response, chain);
        return new FilterOutcome(chain.getRequest() != null, response);
    }

    private MockHttpServletResponse signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(remote(address))
                .param("username", email).param("password", password)).andReturn().getResponse();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
