package app.cadence.security.service;

import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The signed-in session the current request belongs to. */
final class CurrentSession {

    private CurrentSession() {
    }

    /**
     * Moves this session to the account's new generation, so that the change that ended every
     * other session (a new password) keeps this one signed in.
     */
    static void restamp(long sessionGeneration) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CadenceAuthentication current) {
            replace(current, current.getPrincipal(), sessionGeneration);
        }
    }

    /** The header and menus show the new name without signing in again. */
    static void rename(String displayName) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CadenceAuthentication current) {
            CadenceUser user = current.getPrincipal();
            replace(current, new CadenceUser(user.userId(), user.email(), displayName), SignInDetails.sessionGeneration(current));
        }
    }

    private static void replace(CadenceAuthentication current, CadenceUser user, long sessionGeneration) {
        // Everything else the sign-in carries (the tenant selected, the operator flag) stays as it was.
        CadenceAuthentication restamped = current.withUser(user);
        restamped.setDetails(SignInDetails.restamped(current, sessionGeneration));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(restamped);
        SecurityContextHolder.setContext(context);
        // The session's copy is what the next request (on this node) starts from.
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
