package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.TenantRepository;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.NamedInterface;

/**
 * Runs work on behalf of a member outside a user's request (seeding, background jobs, tests),
 * with the tenant set explicitly and the membership checked, then restores the caller's context.
 * Each service call inside opens its own transaction, and so its own tenant-bound session.
 */
@NamedInterface("api")
@Component
public class TenantScope {

    /** Not an account: marks what the system did by itself. */
    public static final Long SYSTEM_USER_ID = 0L;

    private final MembershipRepository memberships;
    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;

    TenantScope(MembershipRepository memberships, TenantRepository tenants, TransactionTemplate transactions) {
        this.memberships = memberships;
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public <T> T call(Long userId, Long tenantId, Supplier<T> work) {
        CadenceAuthentication authentication = readOnly.execute(status -> {
            Membership m = memberships.findSelectable(userId, tenantId)
                    .orElseThrow(() -> new RecordNotFoundException("Membership of user " + userId + " in tenant", tenantId));
            CadenceUser user = new CadenceUser(userId, m.getUser().getEmail(), m.getUser().getDisplayName());
            return new CadenceAuthentication(user, new TenantSelection(tenantId, m.getTenant().getName(), m.getRole()));
        });
        return within(authentication, work);
    }

    private <T> T within(CadenceAuthentication authentication, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Hibernate fixes a session's tenant when it opens: work inside a running transaction
            // would silently keep the caller's tenant.
            throw new IllegalStateException("Call TenantScope outside any transaction.");
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            if (SecurityContextHolder.getContext() == context) {
                return work.get();
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        // While Vaadin handles a request its security context holder answers the HTTP session's
        // context, not the one just set: the work would run as the caller, in the caller's tenant
        // (found by the consultant's home page, which reads several organisations in one request).
        // So it runs on a thread of its own, outside the Vaadin request, and is refused outright
        // should the context still not hold there.
        return onOwnThread(context, work);
    }

    private static <T> T onOwnThread(SecurityContext context, Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = Thread.ofVirtual().name("tenant-scope").start(() -> {
            SecurityContextHolder.setContext(context);
            try {
                if (SecurityContextHolder.getContext() != context) {
                    throw new IllegalStateException("The tenant scope's security context does not hold on its own thread.");
                }
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while working in a tenant's scope", e);
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        return result.get();
    }

    /**
     * Runs work as the system itself, with ADMIN rights in one tenant and no member behind it:
     * for what Cadence does on a tenant's behalf, such as installing the starter library.
     */
    public <T> T callAsSystem(Long tenantId, Supplier<T> work) {
        String tenantName = readOnly.execute(status -> tenants.findById(tenantId)
                .orElseThrow(() -> new RecordNotFoundException("Tenant", tenantId)).getName());
        CadenceUser system = new CadenceUser(SYSTEM_USER_ID, "system@cadence.invalid", "Cadence");
        return within(new CadenceAuthentication(system, new TenantSelection(tenantId, tenantName, Role.ADMIN)), work);
    }

    public void run(Long userId, Long tenantId, Runnable work) {
        call(userId, tenantId, () -> {
            work.run();
            return null;
        });
    }
}
