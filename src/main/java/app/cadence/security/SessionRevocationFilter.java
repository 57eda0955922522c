package app.cadence.security;

import app.cadence.tenancy.service.CadenceAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that "sign out everywhere", a password change or a reset has revoked, or that
 * has outlived its absolute lifetime (however active it was: a stolen session cookie is not
 * good forever, and the person re-proves who they are at least once a working day). Sessions
 * live on the node that created them (sticky, not replicated), so no node can reach into another
 * node's sessions: instead each request compares the generation its session signed in with to
 * the account's in the database, and a stale session is invalidated right there. The request
 * then carries on unauthenticated: a page asks to sign in, and Vaadin's own requests find their
 * session gone, so the browser reloads into the sign-in page.
 */
final class SessionRevocationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocationFilter.class);

    private final SessionValidity validity;

    SessionRevocationFilter(SessionValidity validity) {
        this.validity = validity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() instanceof CadenceAuthentication signedIn
                && validity.isEnded(signedIn, RequestArrival.of(request))) {
            log.info("Ending a revoked or expired session of {}", signedIn.getName());
            SecurityContextHolder.clearContext();
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // Another request of the same session got here first: nothing left to end.
            }
        }
        chain.doFilter(request, response);
    }
}
