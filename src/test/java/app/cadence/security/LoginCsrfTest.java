package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.TestClock;
import app.cadence.support.WebClient;
import app.cadence.tenancy.domain.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Login CSRF, reproduced as the audit did it against a real Tomcat: a page on another site posts
 * the victim's browser to {@code /login} with the attacker's valid credentials. Without a
 * defence the browser comes back signed in to the attacker's account (and whatever the victim
 * then types lands there). Each attempt here must leave no signed-in session behind.
 *
 * <p>Same server configuration as {@link SecurityHeadersTest.Default}, so the two share one server.
 */
@Tag("server")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadence-headers;DB_CLOSE_DELAY=-1",
        "server.forward-headers-strategy=native"})
@Import({TestClock.Config.class, Fixtures.class})
class LoginCsrfTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    /** The attacker's own account: valid credentials are what makes login CSRF work. */
    Member attacker;

    @BeforeEach
    void attackersAccount() {
        attacker = fixtures.member(fixtures.tenant("Evil"), Role.ADMIN);
    }

    @Test
    void aCrossSiteFormWithoutTheTokenSignsNobodyIn() throws Exception {
        WebClient victim = new WebClient(port);
        victim.get("/login"); // the victim has a session with Cadence already (any page)

        HttpResponse<String> answer = victim.postLogin(attacker.email(), Fixtures.PASSWORD, null,
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");

        assertThat(answer.headers().firstValue("Location").orElse("")).as("no redirect into the application")
                .satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).contains("/login"));
        assertThat(victim.isSignedIn()).as("the victim's browser is not signed in as the attacker").isFalse();
    }

    @Test
    void anOldBrowserThatSaysNothingAboutTheSenderIsStoppedByTheMissingToken() throws Exception {
        WebClient victim = new WebClient(port);
        victim.get("/login");

        HttpResponse<String> answer = victim.postLogin(attacker.email(), Fixtures.PASSWORD, null, "Origin", "https://evil.example");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(victim.isSignedIn()).isFalse();
    }

    @Test
    void theAttackersOwnTokenDoesNotWorkInTheVictimsSession() throws Exception {
        WebClient attackersBrowser = new WebClient(port);
        String attackersToken = attackersBrowser.loginPageToken();
        WebClient victim = new WebClient(port);
        victim.get("/login");

        victim.postLogin(attacker.email(), Fixtures.PASSWORD, attackersToken, "Origin", "https://evil.example");

        assertThat(victim.isSignedIn()).isFalse();
    }

    @Test
    void aCrossSiteSignInIsRefusedEvenWithAValidToken() throws Exception {
        WebClient victim = new WebClient(port);
        String token = victim.loginPageToken();

        HttpResponse<String> answer = victim.postLogin(attacker.email(), Fixtures.PASSWORD, token, "Sec-Fetch-Site", "cross-site");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(victim.isSignedIn()).isFalse();
    }

    @Test
    void theLoginPageItselfSignsInWithItsToken() throws Exception {
        WebClient browser = new WebClient(port);
        String token = browser.loginPageToken();

        HttpResponse<String> answer = browser.postLogin(attacker.email(), Fixtures.PASSWORD, token, "Sec-Fetch-Site", "same-origin");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        assertThat(browser.isSignedIn()).isTrue();
    }
}
