package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.TestClock;
import app.cadence.support.WebClient;
import app.cadence.tenancy.domain.Role;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Security headers on a real Tomcat, not MockMvc: Vaadin answers its pages through a servlet
 * forward, and on Tomcat 11 headers written at commit time go missing from exactly those
 * responses, which MockMvc (it never forwards) cannot show.
 *
 * <p>Tagged {@code server}: its own servers run in the JVM of the browser journeys, which also
 * start servers, because a second web application context in the suite's JVM changes static
 * Spring Security state under the other tests.
 */
@Tag("server")
class SecurityHeadersTest {

    private static final String HSTS = "Strict-Transport-Security";

    /** The default profile, with forwarded headers trusted so that a request can claim HTTPS. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:cadence-headers;DB_CLOSE_DELAY=-1",
            "server.forward-headers-strategy=native"})
    @Import({TestClock.Config.class, Fixtures.class})
    class Default {

        @LocalServerPort int port;
        @Autowired Fixtures fixtures;

        @Test
        void theLoginPageAnAuthenticatedPageAndStaticResourcesCarryTheHeaders() throws Exception {
            WebClient client = new WebClient(port);
            HttpResponse<String> login = client.get("/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("VAADIN/build/");
            assertSecurityHeaders("/login", login);

            Member viewer = fixtures.member(fixtures.tenant("Headers"), Role.VIEWER);
            client.signIn(viewer.email(), Fixtures.PASSWORD);
            HttpResponse<String> projects = client.get("/projects");
            assertThat(projects.statusCode()).as("signed in, /projects is the app's page, not a redirect").isEqualTo(200);
            assertSecurityHeaders("/projects", projects);

            String script = WebClient.firstMatch(login.body(), "(VAADIN/build/[^\"']+\\.js)");
            for (String path : List.of("/" + script, "/styles/app.css")) {
                HttpResponse<String> resource = client.get(path);
                assertThat(resource.statusCode()).as(path).isEqualTo(200);
                assertSecurityHeaders(path, resource);
            }
        }

        @Test
        void withoutTheProdProfileNeitherHstsNorSecureCookies() throws Exception {
            HttpResponse<String> secure = new WebClient(port).get("/login", "X-Forwarded-Proto", "https");
            assertThat(secure.headers().firstValue(HSTS)).as("HSTS outside the prod profile").isEmpty();
            // Over plain HTTP (a developer's http://localhost) a Secure cookie would never come back.
            HttpResponse<String> plain = new WebClient(port).get("/login");
            assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().doesNotContain("Secure");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
            "spring.datasource.url=jdbc:h2:mem:cadence-headers-prod;DB_CLOSE_DELAY=-1")
    @ActiveProfiles({"test", "prod"})
    @Import({TestClock.Config.class, Fixtures.class})
    class Production {

        @LocalServerPort int port;

        @Test
        void httpsThroughTheProxyGetsHstsAndTheSessionCookieIsSecure() throws Exception {
            // The test client connects from 127.0.0.1, an address Tomcat trusts as a proxy.
            HttpResponse<String> secure = new WebClient(port).get("/login", "X-Forwarded-Proto", "https");
            assertSecurityHeaders("/login over https", secure);
            assertThat(secure.headers().firstValue(HSTS)).hasValueSatisfying(hsts -> assertThat(hsts)
                    .contains("max-age=" + SecurityConfig.HSTS_MAX_AGE.toSeconds()).contains("includeSubDomains"));
        }

        @Test
        void theSessionCookieIsSecureEvenWhenTheProxyForgetsToSayHttps() throws Exception {
            HttpResponse<String> plain = new WebClient(port).get("/login");
            assertSecurityHeaders("/login over http", plain);
            assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().contains("Secure").contains("HttpOnly");
            // Browsers ignore HSTS over plain HTTP; Spring sends it on secure requests only.
            assertThat(plain.headers().firstValue(HSTS)).isEmpty();
        }
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as("CSP on %s", what)
                .contains(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("nosniff on %s", what).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as("X-Frame-Options on %s", what).contains("DENY");
        assertThat(response.headers().allValues("X-Frame-Options")).as("one X-Frame-Options on %s", what).hasSize(1);
        assertThat(response.headers().firstValue("Referrer-Policy")).as("Referrer-Policy on %s", what).contains("no-referrer");
        assertThat(response.headers().firstValue("Permissions-Policy")).as("Permissions-Policy on %s", what)
                .contains(SecurityConfig.PERMISSIONS_POLICY);
    }

}
