package app.cadence.security;

import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantAvailability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a suspended tenant away from every session that has it selected, at the session's next
 * request (a page load or any Vaadin round trip): the request goes on with no tenant, so tenant
 * queries match nothing, tenant services deny, and the next page shown is the organisation
 * picker, which says the tenant is suspended. Not a bean of its own, so that the servlet
 * container does not run it a second time outside the security chain.
 */
final class SuspendedTenantFilter extends OncePerRequestFilter {

    private final TenantAvailability availability;

    SuspendedTenantFilter(TenantAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CadenceAuthentication> replacement = availability.withoutClosedTenant(
                SecurityContextHolder.getContext().getAuthentication());
        if (replacement.isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(replacement.get());
            SecurityContextHolder.setContext(context);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }
}
