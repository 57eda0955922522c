package app.cadence.security;

import app.cadence.security.service.LoginThrottledException;

import app.cadence.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    private static final String LOGIN_ROUTE = "login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // The app's own stylesheets (the login page needs them before sign-in).
                .requestMatchers("/styles/**").permitAll()
                // Load balancers and orchestrators probe health without credentials.
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // Naming the login page here keeps Spring Security from generating its own default one.
        http.formLogin(form -> form.loginPage("/" + LOGIN_ROUTE).failureHandler(new LoginFailureRedirect()));
        // A new session id at sign-in defeats session fixation.
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // Any other address goes to Vaadin once signed in, so an unknown one shows Cadence's
        // not-found page rather than a bare 403 (Vaadin denies unknown addresses by default).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
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
