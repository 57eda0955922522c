package app.cadence.security;

import app.cadence.security.service.LoginThrottledException;
import app.cadence.tenancy.service.MemberStandings;
import app.cadence.tenancy.service.TenantSelectionService;

import app.cadence.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;

@Configuration
class SecurityConfig {

    private static final String LOGIN_ROUTE = "login";

    /** The sign-in form's POST, which Spring Security's form login processes. */
    static final RequestMatcher LOGIN_PROCESSING = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/" + LOGIN_ROUTE);

    /**
     * As tight as Vaadin Flow runs under, checked in Chromium by ContentSecurityPolicyJourneyTest
     * (which fails on any violation). Each relaxation is one Vaadin needs:
     * <ul>
     * <li>script-src 'unsafe-inline': the bootstrap page starts the client engine with a dozen
     * inline scripts that differ between development and production mode and between Vaadin
     * versions (in development mode they carry a per-request token), so hashes would break on
     * every upgrade; Vaadin's nonce mode works in production mode only and needs every
     * {@code executeJs} replaced by precompiled functions;</li>
     * <li>script-src 'unsafe-eval': the client runs the JavaScript the server sends
     * ({@code executeJs}, event data expressions, lazy imports) through {@code new Function};</li>
     * <li>style-src 'unsafe-inline': the web components (Lit) and Flow's style API set
     * {@code style} attributes and {@code <style>} elements at run time;</li>
     * <li>font-src and img-src data:: Lumo's icon font and several components' icons are
     * embedded as data: URLs.</li>
     * </ul>
     * Everything else is closed: no third-party origin at all (so injected markup can neither
     * load a foreign script nor send data out through an image, a fetch or a form), no plugins,
     * no {@code <base>} hijacking, and no framing (the CSP twin of X-Frame-Options).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Powerful browser features Cadence never uses: a script injected anyway cannot reach them. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    /**
     * @param hsts on in the {@code prod} profile only: a browser that once saw the header refuses
     *             plain HTTP to the host (and its subdomains) for a year, which is right behind a
     *             TLS proxy and wrong on a laptop serving http://localhost.
     */
    @Bean
    SessionValidity sessionValidity(MemberStandings standings, Clock clock,
                                    @Value("${cadence.session.max-lifetime:PT12H}") Duration maxSessionLifetime) {
        return new SessionValidity(standings, maxSessionLifetime, clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${cadence.security.hsts:false}") boolean hsts,
                                            TenantSelectionService tenantSelection, SessionValidity sessions,
                                            RequestUtil vaadinRequests) throws Exception {
        // A role change, a deactivation or a suspension reaches members already inside at their next request.
        http.addFilterBefore(new MembershipRefreshFilter(tenantSelection), AuthorizationFilter.class);
        http.headers(headers -> {
            // Vaadin serves its pages through a servlet forward, after which Tomcat 11 no longer
            // tells Spring Security that the response is being committed: headers written "on
            // commit" would be silently missing from exactly the HTML pages they protect.
            headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
            // For browsers that predate CSP's frame-ancestors. Set here, Vaadin keeps it rather
            // than adding its own SAMEORIGIN: Cadence is never framed, not even by itself.
            headers.frameOptions(frame -> frame.deny());
            headers.contentTypeOptions(Customizer.withDefaults());
            // Links out of Cadence (evidence links, exports opened elsewhere) must not tell other
            // sites which tenant's project or instance id the user was looking at.
            headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
            headers.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
            if (hsts) {
                // Spring writes it on secure requests only; behind a TLS-terminating proxy the
                // request is secure once the forwarded headers are trusted (see application-prod).
                headers.httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()));
            } else {
                headers.httpStrictTransportSecurity(h -> h.disable());
            }
        });
        http.authorizeHttpRequests(requests -> requests
                // The app's own stylesheets (the login page needs them before sign-in).
                .requestMatchers("/styles/**").permitAll()
                // The password-reset pages (Vaadin views open before sign-in), named so that they do
                // not depend on Vaadin recognising its anonymous routes at this point of the chain.
                .requestMatchers("/forgot-password", "/reset-password/*").permitAll()
                // Calendar applications cannot sign in: the secret in a feed's address is its credential.
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/calendar/*").permitAll()
                // Load balancers and orchestrators probe health without credentials.
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // Naming the login page here keeps Spring Security from generating its own default one.
        http.formLogin(form -> form.loginPage("/" + LOGIN_ROUTE).failureHandler(new LoginFailureRedirect()));
        // Login CSRF: Vaadin would exempt the login form's POST from Spring's CSRF check, so that a
        // page on any site could sign a visitor into the attacker's account (and collect what they
        // then type into it). Here only Vaadin's own requests are exempt — Vaadin checks those with
        // its per-UI token — and the login form must send the token from its page's meta tag.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new CrossSiteLoginFilter(LOGIN_PROCESSING), CsrfFilter.class);
        // A login page left open until its session expired holds a token nobody knows any more: say so.
        http.exceptionHandling(errors -> errors.defaultAccessDeniedHandlerFor(
                (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/" + LOGIN_ROUTE + "?expired"),
                LOGIN_PROCESSING));
        // Sessions ended by "sign out everywhere", a new password or their absolute lifetime, on every node.
        http.addFilterAfter(new SessionRevocationFilter(sessions), SecurityContextHolderFilter.class);
        // A new session id at sign-in defeats session fixation.
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // Any other address goes to Vaadin once signed in, so an unknown one shows Cadence's
        // not-found page rather than a bare 403 (Vaadin denies unknown addresses by default).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)
                .anyRequest(any -> any.authenticated()));
        return http.build();
    }

    /** Adaptive hashing (bcrypt today), with the algorithm id stored so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Back to the login page, telling it whether to say "wrong credentials" or "wait". */
    private static final class LoginFailureRedirect implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String query = exception instanceof LoginThrottledException throttled
                    ? "?throttled=" + throttled.retryAfter().toSeconds()
                    : "?error";
            response.sendRedirect(request.getContextPath() + "/" + LOGIN_ROUTE + query);
        }
    }
}
