package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.cadence.security.service.AccountService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.FormSignIn;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SessionWork;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.PlatformOperators;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two of the audit's smaller findings, through the real security filter chain: a session ends
 * at its absolute lifetime however busy it is (audit C12, 9), and the health endpoint tells a
 * load balancer the status, a platform operator the components, and nobody the details.
 */
@IntegrationTest
class SessionLifetimeAndHealthTest {

    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired AccountService account;
    @Autowired PlatformOperators operators;
    @Value("${cadence.session.max-lifetime}") Duration maxLifetime;

    MockMvc mvc;
    FormSignIn forms;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        forms = new FormSignIn(context);
    }

    @Test
    void aBusySessionEndsAtItsAbsoluteLifetime() throws Exception {
        assertThat(maxLifetime).as("the documented default").isEqualTo(Duration.ofHours(12));
        Member pm = fixtures.member(fixtures.tenant("Lifetime"), Role.PM);
        MockHttpSession session = signIn(pm.email());

        // Busy all day: a request every hour keeps the idle timeout from ever firing.
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(answersSignedIn(session)).as("after %d hours", hour + 1).isTrue();
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(answersSignedIn(session)).as("a minute before the lifetime ends").isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(answersSignedIn(session)).as("a minute after it").isFalse();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aNewPasswordDoesNotExtendTheSessionsLife() throws Exception {
        Member pm = fixtures.member(fixtures.tenant("Lifetime"), Role.PM);
        MockHttpSession session = signIn(pm.email());
        clock.advance(Duration.ofHours(6));
        SessionWork.within(session, "10.88.1.1", () -> account.changePassword(Fixtures.PASSWORD, "marble harbour signal 9", "marble harbour signal 9"));
        clock.advance(Duration.ofHours(6).plusMinutes(1));
        assertThat(answersSignedIn(session)).isFalse();
    }

    @Test
    void theHealthEndpointShowsTheStatusToAllAndTheComponentsToOperatorsOnly() throws Exception {
        String anonymous = health(null);
        assertThat(anonymous).contains("\"status\"").doesNotContain("components", "db", "diskSpace");

        Member admin = fixtures.member(fixtures.tenant("Health"), Role.ADMIN);
        assertThat(health(signIn(admin.email()))).as("a tenant ADMIN").doesNotContain("components", "db");

        Member operator = fixtures.member(fixtures.tenant("Operated"), Role.VIEWER);
        operators.grant(operator.email());
        String forOperator = health(signIn(operator.email()));
        assertThat(forOperator).contains("components", "\"db\"");
        assertThat(forOperator).as("details: product names, paths and sizes").doesNotContain("\"details\"", "database\"", "total");
    }

    private String health(MockHttpSession session) throws Exception {
        var request = get("/actuator/health");
        if (session != null) {
            request.session(session);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The session's next request to a page behind sign-in, through the security filters: passed on to Vaadin, or sent to sign in. */
    private boolean answersSignedIn(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/projects");
        request.setPathInfo("/projects");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        securityFilters.doFilter(request, response, chain);
        return chain.getRequest() != null;
    }

    private MockHttpSession signIn(String email) throws Exception {
        return forms.signIn(email);
    }
}
