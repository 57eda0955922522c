package app.cadence.tenancy.service;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.modulith.NamedInterface;

/**
 * Where the current tenant comes from: the selected membership of the authenticated session,
 * resolved on the server. Never from a URL, form field or request parameter.
 */
@NamedInterface("api")
public final class TenantContext {

    /** The tenant id used when none is selected: no row carries it, so queries match nothing. */
    public static final Long NO_TENANT = -1L;

    private TenantContext() {
    }

    public static Optional<TenantSelection> currentSelection() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CadenceAuthentication cadence && cadence.isAuthenticated()) {
            return Optional.ofNullable(cadence.selection());
        }
        return Optional.empty();
    }

    public static Optional<Long> currentTenantId() {
        return currentSelection().map(TenantSelection::tenantId);
    }

    public static Optional<CadenceUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CadenceAuthentication cadence && cadence.isAuthenticated()) {
            return Optional.of(cadence.getPrincipal());
        }
        return Optional.empty();
    }

    /**
     * The selected tenant, for a service that works in it. Without one the caller is refused —
     * the services' roles already require a tenant, so this is the second wall, not the first.
     */
    public static Long requireTenantId() {
        return currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }

    /** The name the audit trail and "changed by" show for whoever is acting; "Cadence" for work it does itself (seeding, jobs). */
    public static String currentUserName() {
        return currentUser().map(CadenceUser::displayName).orElse("Cadence");
    }

    /** Whether the signed-in user is a platform operator, in or outside a tenant. */
    public static boolean isOperator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CadenceAuthentication cadence && cadence.isAuthenticated() && cadence.isOperator();
    }
}
