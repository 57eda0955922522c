package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Tenant;
import app.cadence.tenancy.domain.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether members may work in a tenant right now, asked on every request of a session that has
 * a tenant selected: a member who is inside when the tenant is suspended is stopped at their
 * next request, not at their next sign-in. Not method-secured: it answers before any role is
 * known, and says nothing but "open or not" about a tenant the session already holds.
 */
@Component
public class TenantAvailability {

    /**
     * Statuses are read at most this often per tenant and node: every Vaadin round trip asks.
     * The node that suspends forgets at once; other nodes stop members within this time.
     */
    static final Duration STATUS_TTL = Duration.ofSeconds(10);

    private record CachedStatus(boolean open, Instant until) {
    }

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Map<Long, CachedStatus> statuses = new ConcurrentHashMap<>();

    TenantAvailability(TenantRepository tenants, TransactionTemplate transactions, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public boolean isOpen(Long tenantId) {
        Instant now = clock.instant();
        CachedStatus cached = statuses.get(tenantId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.open();
        }
        boolean open = Boolean.TRUE.equals(readOnly.execute(s -> tenants.findById(tenantId).map(Tenant::isActive).orElse(false)));
        statuses.put(tenantId, new CachedStatus(open, now.plus(STATUS_TTL)));
        return open;
    }

    /**
     * The authentication this session must continue with when its tenant has closed since it was
     * selected: the same user with no tenant (and so no tenant role); empty when nothing changes.
     */
    public Optional<CadenceAuthentication> withoutClosedTenant(Authentication authentication) {
        if (authentication instanceof CadenceAuthentication cadence && cadence.isAuthenticated()) {
            TenantSelection selection = cadence.selection();
            if (selection != null && !isOpen(selection.tenantId())) {
                return Optional.of(cadence.withoutSelection());
            }
        }
        return Optional.empty();
    }

    void forget(Long tenantId) {
        statuses.remove(tenantId);
    }
}
