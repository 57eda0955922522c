package app.cadence.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sessions signed in through the real login form and the whole security filter chain (MockMvc):
 * they hold what a browser's session holds after signing in — sign-in time, session generation,
 * selected organisation. Each sign-in comes from an address of its own, so that the login
 * throttle never slows a test down.
 */
public final class FormSignIn {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    private final MockMvc mvc;

    public FormSignIn(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** Signs in with the fixtures' password; fails the test when the sign-in is refused. */
    public MockHttpSession signIn(String email) throws Exception {
        int n = ADDRESS.incrementAndGet();
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr("10.88." + (n / 250 % 250) + "." + (n % 250 + 1));
            return r;
        }).param("username", email).param("password", Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", email).doesNotContain("error", "throttled");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** What the session holds after signing in, as Spring Security stores it. */
    public static SecurityContext securityContext(MockHttpSession session) {
        return (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }
}
