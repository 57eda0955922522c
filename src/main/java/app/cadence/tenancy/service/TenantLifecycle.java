package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.domain.Tenant;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccount;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.events.TenantCreated;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's life as platform operators see it: creation, suspension, reactivation. Touches the
 * tenant row and, at creation, its first ADMIN membership; never the tenant's content. The
 * operator feature records each step in the security log within the same transaction.
 */
@NamedInterface("api")
@Service
@Transactional
@RolesAllowed(RoleSets.OPERATORS)
public class TenantLifecycle {

    public static final int NAME_MAX = 120;
    public static final int REASON_MAX = 500;

    /** A tenant just created; {@code firstAdmin} is the email of its ADMIN, null when it has none yet. */
    public record CreatedTenant(Long id, String name, String slug, @Nullable String firstAdmin, @Nullable String toInvite) {
    }

    /** A tenant as the operator's confirmation messages name it. */
    public record TenantName(Long id, String name, String slug) {
    }

    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final MembershipRepository memberships;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    TenantLifecycle(TenantRepository tenants, UserAccountRepository users, MembershipRepository memberships, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.clock = clock;
    }

    /**
     * Creates an active tenant with a slug made from its name. {@code firstAdminEmail}, when
     * names an existing account, makes it the tenant's ADMIN; any other address is returned as
     * {@code toInvite}, for the caller to invite in the same transaction.
     */
    public CreatedTenant create(String name, ZoneId zone, @Nullable String firstAdminEmail) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolationException("name", "Enter the organisation's name.");
        }
        if (trimmed.length() > NAME_MAX) {
            throw new RuleViolationException("name", "Keep the name to " + NAME_MAX + " characters or fewer.");
        }
        UserAccount admin = null;
        String toInvite = null;
        if (firstAdminEmail != null && !firstAdminEmail.isBlank()) {
            // An existing account becomes ADMIN at once; a new address is invited by the caller.
            admin = users.findByEmail(UserAccount.normaliseEmail(firstAdminEmail)).orElse(null);
            toInvite = admin == null ? firstAdminEmail.strip() : null;
        }
        Tenant tenant = new Tenant(TenantSlugs.unique(trimmed, tenants), trimmed, clock.instant());
        tenant.changeTimeZone(zone);
        tenants.save(tenant);
        if (admin != null) {
            memberships.save(new Membership(tenant, admin, Role.ADMIN, clock.instant()));
        }
        events.publishEvent(new TenantCreated(tenant.getId(), tenant.getName()));
        return new CreatedTenant(tenant.getId(), tenant.getName(), tenant.getSlug(), admin == null ? null : admin.getEmail(), toInvite);
    }

    /** Closes the tenant to its members; its data stays as it is. */
    public TenantName suspend(Long tenantId, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolationException("reason", "Give the reason for the suspension: the organisation's administrators and other operators read it.");
        }
        if (trimmed.length() > REASON_MAX) {
            throw new RuleViolationException("reason", "Keep the reason to " + REASON_MAX + " characters or fewer.");
        }
        Tenant tenant = load(tenantId);
        if (!tenant.isActive()) {
            throw new RuleViolationException(null, tenant.getName() + " is already suspended.");
        }
        tenant.suspend(trimmed, clock.instant());
        return name(tenant);
    }

    public TenantName reactivate(Long tenantId) {
        Tenant tenant = load(tenantId);
        if (tenant.isActive()) {
            throw new RuleViolationException(null, tenant.getName() + " is already active.");
        }
        tenant.reactivate();
        return name(tenant);
    }


    private Tenant load(Long tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new RecordNotFoundException("Tenant", tenantId));
    }

    private static TenantName name(Tenant tenant) {
        return new TenantName(tenant.getId(), tenant.getName(), tenant.getSlug());
    }
}
