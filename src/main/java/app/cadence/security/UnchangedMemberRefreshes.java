package app.cadence.security;

import app.cadence.live.PushedRefreshes;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TenantSelectionService selection;
    private final TransactionTemplate oneRead;

    UnchangedMemberRefreshes(SessionValidity validity, TenantSelectionService selection, PlatformTransactionManager transactions) {
        this.validity = validity;
        this.selection = selection;
        this.oneRead = new TransactionTemplate(transactions);
        this.oneRead.setReadOnly(true);
    }

    @Override
    public boolean runAsUnchangedMember(WrappedSession session, Runnable refresh) {
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
        // Both checks on one connection: fifty screens refreshed at once must leave the pool to the people clicking.
        if (!Boolean.TRUE.equals(oneRead.execute(tx -> !validity.isEnded(signedIn) && selection.isStillCurrent(signedIn)))) {
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
