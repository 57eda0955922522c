package app.cadence.security;

import app.cadence.tenancy.service.TenantSelectionService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brings the session's role up to date with the membership before anything is authorised, so
 * that a demoted, deactivated or suspended member loses their rights on their next request —
 * whatever kind of request it is: a page, a Vaadin round trip, a download, an upload or push.
 * Only static files, which carry no rights and run no application code, are skipped: they are
 * most of a page load's requests.
 */
final class MembershipRefreshFilter extends OncePerRequestFilter {

    private final TenantSelectionService selection;

    MembershipRefreshFilter(TenantSelectionService selection) {
        this.selection = selection;
    }

    /**
     * Vaadin serves its bundles under {@code /VAADIN/build/} and {@code /VAADIN/static/}; the rest
     * of {@code /VAADIN/} reaches application code — downloads and upload targets under
     * {@code /VAADIN/dynamic/resource/}, push under {@code /VAADIN/push} — so only the static
     * prefixes are named here, and anything unnamed (a path a later Vaadin adds) is checked.
     */
    static final List<String> STATIC_PREFIXES = List.of("/VAADIN/build/", "/VAADIN/static/", "/styles/", "/icons/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/favicon.ico") || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        selection.refreshCurrent(RequestArrival.of(request)).ifPresent(changed -> {
            // Kept in this request's session too, whether or not Spring's request context is bound.
            var session = request.getSession(false);
            if (session != null) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(changed);
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        });
        chain.doFilter(request, response);
    }
}
