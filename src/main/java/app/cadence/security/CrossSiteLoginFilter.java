package app.cadence.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that the browser says another site sent. The CSRF token already stops a
 * forged sign-in; this is the second wall, and it costs nothing. Browsers name the sender in
 * {@code Sec-Fetch-Site}: {@code same-origin} for Cadence's own login page, {@code none} for
 * something the user did themselves. {@code same-site} (a sibling subdomain) is refused too: a
 * neighbour on the same domain is not Cadence. Browsers too old to send the header fall back on
 * the token alone. The {@code Origin} header is not compared with the host: behind a proxy the
 * host the application sees differs from the one the browser used, and the check would refuse
 * everyone.
 */
final class CrossSiteLoginFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_SENDERS = Set.of("same-origin", "none");

    private final RequestMatcher loginProcessing;

    CrossSiteLoginFilter(RequestMatcher loginProcessing) {
        this.loginProcessing = loginProcessing;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !loginProcessing.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sender = request.getHeader("Sec-Fetch-Site");
        if (sender != null && !ALLOWED_SENDERS.contains(sender)) {
            // Written here rather than through sendError, whose error page dispatch would end at the login page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Cadence accepts sign-ins from its own sign-in page only. Open Cadence's sign-in page and sign in there.");
            return;
        }
        chain.doFilter(request, response);
    }
}
