package app.cadence.tenancy.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    /** Memberships a user may select: active memberships in active tenants, by tenant name. */
    @Query("""
            select m from Membership m join fetch m.tenant t join fetch m.user u
            where u.id = :userId and m.active = true and t.status = app.cadence.tenancy.domain.TenantStatus.ACTIVE
            order by t.name""")
    List<Membership> findSelectable(Long userId);

    @Query("""
            select m from Membership m join fetch m.tenant t join fetch m.user u
            where u.id = :userId and t.id = :tenantId and m.active = true
              and t.status = app.cadence.tenancy.domain.TenantStatus.ACTIVE""")
    Optional<Membership> findSelectable(Long userId, Long tenantId);

    /** Active members of one tenant, for pickers (PM, assignee). */
    @Query("""
            select m from Membership m join fetch m.user u
            where m.tenant.id = :tenantId and m.active = true and u.enabled = true
            order by u.displayName""")
    List<Membership> findActiveMembers(Long tenantId);

    /** Suspended tenants the user is an active member of: named to them, so they know why they cannot enter. */
    @Query("""
            select t from Membership m join m.tenant t
            where m.user.id = :userId and m.active = true and t.status = app.cadence.tenancy.domain.TenantStatus.SUSPENDED
            order by t.name""")
    List<Tenant> findSuspendedTenants(Long userId);
}
