package app.cadence.security;

import app.cadence.live.PushedRefreshes;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantSelectionService;
import com.vaadin.flow.server.WrappedSession;
import app.cadence.shared.ReadsSince;
import app.cadence.tenancy.service.TenantSelection;
import java.time.Duration;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
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

    /** One read of what the checks compare with: the same for every session of the member. */
    private record Standing(OptionalLong generation, @Nullable TenantSelection selection) {
    }

    private record Member(Long userId, Long tenantId) {
    }

    /** Long enough for every screen of one fan-out to ask; see {@link ReadsSince}. */
    private static final Duration KEEP = Duration.ofSeconds(2);

    private final SessionValidity validity;
    private final TenantSelectionService selection;
    private final TransactionTemplate oneRead;
    private final ReadsSince<Member, Standing> standings = new ReadsSince<>(KEEP, KEEP);

    UnchangedMemberRefreshes(SessionValidity validity, TenantSelectionService selection, PlatformTransactionManager transactions) {
        this.validity = validity;
        this.selection = selection;
        this.oneRead = new TransactionTemplate(transactions);
        this.oneRead.setReadOnly(true);
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
        // Fifty screens of ten people refreshed by one change make ten reads, each on one connection,
        // and each read began after the refresh was asked for: as fresh as a read of the screen's own.
        Standing now = standings.read(new Member(userId, held.tenantId()), askedAtNanos, () -> oneRead.execute(
                tx -> new Standing(validity.currentGeneration(userId), selection.selectionNow(userId, held.tenantId()))));
        if (now == null || validity.isEnded(signedIn, now.generation()) || !held.equals(now.selection())) {
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
