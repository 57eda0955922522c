package app.cadence.audit.service;

import app.cadence.audit.domain.SecurityEvent;
import app.cadence.audit.domain.SecurityEventRepository;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security log: sign-ins and their failures, throttling, password and role changes,
 * invitations, tenant suspension. Written in the caller's transaction (so a role change and its
 * event commit together), with the request's remote address when there is a request. Read by a
 * tenant's ADMIN (that tenant's events) and by platform operators (tenant-level events only).
 */
@NamedInterface("api")
@Service
@Transactional
public class SecurityLog {

    /** One event as the logs show it. */
    public record Entry(Instant at, SecurityEventType type, String actor, @Nullable String subject,
                        @Nullable String remoteAddress, @Nullable String detail, @Nullable Long tenantId) {
    }

    private static final List<SecurityEventType> TENANT_LEVEL = Arrays.stream(SecurityEventType.values())
            .filter(SecurityEventType::tenantLevel).toList();

    private final SecurityEventRepository events;
    private final Clock clock;

    SecurityLog(SecurityEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an event; the actor is named explicitly (e.g. the email someone tried to sign in with). */
    public void record(SecurityEventType type, @Nullable Long tenantId, String actor, @Nullable String subject, @Nullable String detail) {
        events.save(new SecurityEvent(tenantId, clock.instant(), type, actor, subject, remoteAddress(), detail));
    }

    /** Records an event done by the signed-in user in the organisation they are working in. */
    public void recordInCurrentTenant(SecurityEventType type, @Nullable String subject, @Nullable String detail) {
        Long tenantId = TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        record(type, tenantId, currentActor(), subject, detail);
    }

    /** The signed-in user's email, or "anonymous". */
    public static String currentActor() {
        return TenantContext.currentUser().map(CadenceUser::email).orElse("anonymous");
    }

    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public List<Entry> tenantLog(long offset, int limit) {
        Long tenantId = currentTenant();
        return events.findForTenant(tenantId, page(offset, limit)).stream()
                .map(e -> tenantId.equals(e.getTenantId()) ? entry(e) : withoutAddress(e)).toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.ADMINISTRATORS)
    public long countTenantLog() {
        return events.countForTenant(currentTenant());
    }

    /** For platform operators: events about organisations themselves (sign-up, creation, suspension), never their content. */
    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.OPERATORS)
    public List<Entry> tenantLevelLog(long offset, int limit) {
        return events.findOfTypes(TENANT_LEVEL, page(offset, limit)).stream().map(SecurityLog::entry).toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.OPERATORS)
    public long countTenantLevelLog() {
        return events.countOfTypes(TENANT_LEVEL);
    }

    private static Long currentTenant() {
        return TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }

    private static PageRequest page(long offset, int limit) {
        int size = Math.max(1, limit);
        return PageRequest.of(Math.toIntExact(offset / size), size);
    }

    private static @Nullable String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /**
     * A failed sign-in on a member's account belongs to no organisation: the member may be a
     * consultant who also works for others, signing in from another client's network. Each of
     * their organisations learns that the account is under attack, and when, but not from where —
     * the address could tell one client where the consultant works for another.
     */
    private static Entry withoutAddress(SecurityEvent e) {
        return new Entry(e.getOccurredAt(), e.getType(), e.getActor(), e.getSubject(), null, e.getDetail(), e.getTenantId());
    }

    private static Entry entry(SecurityEvent e) {
        return new Entry(e.getOccurredAt(), e.getType(), e.getActor(), e.getSubject(), e.getRemoteAddress(), e.getDetail(), e.getTenantId());
    }
}
