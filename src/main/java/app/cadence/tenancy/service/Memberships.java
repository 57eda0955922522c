package app.cadence.tenancy.service;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * The memberships of one tenant and their invariants: one role per person, memberships are
 * deactivated rather than deleted, and a tenant always keeps at least one active ADMIN. The
 * callers (member administration, invitations, sign-up) check who may do what and pass the
 * tenant explicitly; this class never reads it from the session.
 */
@NamedInterface("api")
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Memberships {

    static final String LAST_ADMIN = "An organisation needs at least one active ADMIN: make someone else ADMIN first.";

    private final MembershipRepository memberships;
    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final Clock clock;

    Memberships(MembershipRepository memberships, TenantRepository tenants, UserAccountRepository users, Clock clock) {
        this.memberships = memberships;
        this.tenants = tenants;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MemberRecord> allOf(Long tenantId) {
        return memberships.findAllOfTenant(tenantId).stream().map(Memberships::record).toList();
    }

    @Transactional(readOnly = true)
    public Optional<MemberRecord> find(Long tenantId, Long userId) {
        return memberships.findOfTenant(tenantId, userId).map(Memberships::record);
    }

    @Transactional(readOnly = true)
    public Optional<MemberRecord> findByEmail(Long tenantId, String email) {
        return users.findByEmail(AccountDirectory.normaliseEmail(email)).flatMap(u -> find(tenantId, u.getId()));
    }

    public void changeRole(Long tenantId, Long userId, Role role) {
        Membership membership = load(tenantId, userId);
        if (membership.getRole() == Role.ADMIN && role != Role.ADMIN && membership.isActive()) {
            keepAnotherAdmin(tenantId, membership);
        }
        membership.changeRole(role);
    }

    public void deactivate(Long tenantId, Long userId) {
        Membership membership = load(tenantId, userId);
        if (!membership.isActive()) {
            return;
        }
        if (membership.getRole() == Role.ADMIN) {
            keepAnotherAdmin(tenantId, membership);
        }
        membership.deactivate(clock.instant());
    }

    public void reactivate(Long tenantId, Long userId) {
        load(tenantId, userId).reactivate();
    }

    /** Makes the person a member with the role: a new membership, or their old one reactivated. */
    public void join(Long tenantId, Long userId, Role role) {
        Optional<Membership> existing = memberships.findOfTenant(tenantId, userId);
        if (existing.isPresent()) {
            Membership membership = existing.get();
            if (membership.isActive() && membership.getRole() == Role.ADMIN && role != Role.ADMIN) {
                keepAnotherAdmin(tenantId, membership);
            }
            membership.changeRole(role);
            membership.reactivate();
        } else {
            memberships.save(new Membership(tenants.getReferenceById(tenantId), users.getReferenceById(userId), role, clock.instant()));
        }
    }

    private void keepAnotherAdmin(Long tenantId, Membership leaving) {
        // Locks the tenant's ADMIN memberships until commit, so two ADMINs demoting each other
        // at once are serialised and the second sees the first's change.
        List<Membership> admins = memberships.lockActiveAdmins(tenantId);
        boolean another = admins.stream().anyMatch(m -> !m.getId().equals(leaving.getId()));
        if (!another) {
            throw new RuleViolationException("role", LAST_ADMIN);
        }
    }

    private Membership load(Long tenantId, Long userId) {
        return memberships.findOfTenant(tenantId, userId).orElseThrow(() -> new RecordNotFoundException("Member", userId));
    }

    private static MemberRecord record(Membership m) {
        return new MemberRecord(m.getUser().getId(), m.getUser().getDisplayName(), m.getUser().getEmail(), m.getRole(), m.isActive(),
                m.getCreatedAt(), m.getLastActiveAt(), m.getDeactivatedAt());
    }
}
