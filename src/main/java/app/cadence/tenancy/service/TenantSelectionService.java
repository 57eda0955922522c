package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.modulith.NamedInterface;

/** Picking and switching the tenant a session works in. */
@NamedInterface("api")
@Service
public class TenantSelectionService {

    private final MembershipRepository memberships;
    private final UserAccountRepository users;
    private final java.time.Clock clock;
    private final ApplicationEventPublisher events;
    private final MemberStandings standings;

    TenantSelectionService(MembershipRepository memberships, UserAccountRepository users, java.time.Clock clock,
                           ApplicationEventPublisher events, MemberStandings standings) {
        this.standings = standings;
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    /** The tenants the signed-in user may work in, the last one used marked. */
    @Transactional(readOnly = true)
    public List<TenantChoice> choices() {
        CadenceUser user = requireUser();
        Long lastUsed = users.findById(user.userId()).map(u -> u.getLastTenantId()).orElse(null);
        return memberships.findSelectable(user.userId()).stream()
                .map(m -> new TenantChoice(m.getTenant().getId(), m.getTenant().getName(), m.getRole(),
                        Objects.equals(m.getTenant().getId(), lastUsed)))
                .toList();
    }

    /**
     * The tenants a person may work in, as {@link #choices()} gives them to the signed-in person:
     * for what Cadence serves a person without a session (their calendar feed).
     */
    @Transactional(readOnly = true)
    public List<TenantChoice> choicesOf(Long userId) {
        return memberships.findSelectable(userId).stream()
                .map(m -> new TenantChoice(m.getTenant().getId(), m.getTenant().getName(), m.getRole(), false)).toList();
    }

    /**
     * Makes {@code tenantId} the session's tenant after checking, in the database, that the
     * user holds an active membership there. A tenant the user does not belong to is reported
     * as not found, exactly like one that does not exist.
     */
    @Transactional
    public TenantSelection select(Long tenantId) {
        CadenceAuthentication current = requireAuthentication();
        Long userId = current.getPrincipal().userId();
        Membership membership = memberships.findSelectable(userId, tenantId)
                .orElseThrow(() -> refusal(userId, tenantId));
        TenantSelection selection = new TenantSelection(tenantId, membership.getTenant().getName(), membership.getRole());
        membership.getUser().rememberTenant(tenantId);
        // The members list shows when each person last entered the organisation.
        membership.markActive(clock.instant());
        store(current.withSelection(selection));
        if (current.selection() == null) {
            events.publishEvent(new TenantEntered(current.getPrincipal().userId(), current.getPrincipal().email(), tenantId));
        }
        return selection;
    }

    /**
     * Re-reads the session's membership on each request, so that a role change, a deactivation
     * or a suspension takes effect on the member's next click rather than at their next sign-in:
     * the role follows the database, and a membership that can no longer be selected drops the
     * selection (the session then holds no role and is sent to choose an organisation).
     */
    public Optional<Authentication> refreshCurrent() {
        return refreshCurrent(System.nanoTime());
    }

    /**
     * The same for a request that arrived at {@code arrivedAtNanos} ({@link System#nanoTime()}):
     * the membership is read at or after that moment, possibly by another request of the member.
     */
    public Optional<Authentication> refreshCurrent(long arrivedAtNanos) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CadenceAuthentication current)
                || current.selection() == null) {
            return Optional.empty();
        }
        TenantSelection held = current.selection();
        TenantSelection fresh = standings.of(current.getPrincipal().userId(), held.tenantId(), arrivedAtNanos).selection();
        if (Objects.equals(fresh, held)) {
            return Optional.empty();
        }
        CadenceAuthentication refreshed = current.withSelection(fresh);
        store(refreshed);
        return Optional.of(refreshed);
    }


    // --- suspended tenants (issue C5) ---------------------------------------------------------

    /** The suspended tenants the signed-in user belongs to: shown to them, never entered. */
    @Transactional(readOnly = true)
    public List<String> suspendedTenants() {
        return memberships.findSuspendedTenants(requireUser().userId()).stream().map(t -> t.getName()).toList();
    }

    /** Its own members learn that their tenant is suspended; everyone else gets "not found". */
    private RuntimeException refusal(Long userId, Long tenantId) {
        return memberships.findSuspendedTenants(userId).stream().filter(t -> t.getId().equals(tenantId)).findFirst()
                .<RuntimeException>map(t -> new RuleViolationException(null, suspendedMessage(t.getName())))
                .orElseGet(() -> new RecordNotFoundException("Tenant", tenantId));
    }

    public static String suspendedMessage(String tenantName) {
        return tenantName + " is suspended: nobody can work in it for now, and its data is kept. "
                + "Ask your organisation's administrator or your Cadence provider when it will be available again.";
    }

    // -------------------------------------------------------------------------------------------

    private static void store(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // Persist it in the HTTP session too, so the next request of this session sees it.
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private static CadenceAuthentication requireAuthentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CadenceAuthentication cadence && cadence.isAuthenticated()) {
            return cadence;
        }
        throw new AccessDeniedException("Sign in first.");
    }

    private static CadenceUser requireUser() {
        return requireAuthentication().getPrincipal();
    }
}
