package app.cadence.security;

import app.cadence.live.PushedRefreshes;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.MemberStandings;
import app.cadence.tenancy.service.MemberStandings.Standing;
import app.cadence.tenancy.service.TenantSelection;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The same checks a request passes ({@link SessionRevocationFilter}, {@link MembershipRefreshFilter})
 * made for a refresh that runs inside a push: the session's sign-in must still stand and its
 * membership must be unchanged. Anything else — revoked, too old, demoted, promoted, deactivated,
 * suspended, no organisation — is left to a real request, which handles each case as it always
 * has; this class never changes a session.
 */
@Component
class UnchangedMemberRefreshes implements PushedRefreshes {

    private final SessionValidity validity;
    private final MemberStandings standings;

    UnchangedMemberRefreshes(SessionValidity validity, MemberStandings standings) {
        this.validity = validity;
        this.standings = standings;
    }

    @Override
    public boolean runAsUnchangedMember(WrappedSession session, long askedAtNanos, Runnable refresh) {
        Object stored;
        try {
            stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException invalidated) {
            return false;
        }
        if (!(stored instanceof SecurityContext context) || !(context.getAuthentication() instanceof CadenceAuthentication signedIn)
                || !signedIn.isAuthenticated() || signedIn.selection() == null) {
            return false;
        }
        TenantSelection held = signedIn.selection();
        Long userId = signedIn.getPrincipal().userId();
        // Fifty screens of ten people refreshed by one change make ten reads at most, each begun
        // after the change was announced: as fresh as a read of the screen's own.
        Standing now = standings.of(userId, held.tenantId(), askedAtNanos);
        if (validity.isEnded(signedIn, now.sessionGeneration()) || !held.equals(now.selection())) {
            return false;
        }
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            refresh.run();
        } finally {
            SecurityContextHolder.setContext(before);
        }
        return true;
    }
}
