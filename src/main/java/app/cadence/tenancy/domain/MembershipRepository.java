package app.cadence.tenancy.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

    /** Every membership of one tenant, active or not, for its administration. */
    @Query("""
            select m from Membership m join fetch m.user u
            where m.tenant.id = :tenantId
            order by u.displayName""")
    List<Membership> findAllOfTenant(Long tenantId);

    @Query("select m from Membership m join fetch m.user u where m.tenant.id = :tenantId and u.id = :userId")
    Optional<Membership> findOfTenant(Long tenantId, Long userId);

    /**
     * The tenant's active ADMIN memberships, locked: two ADMINs demoting each other at the same
     * moment must not leave the organisation without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Membership m where m.tenant.id = :tenantId and m.role = app.cadence.tenancy.domain.Role.ADMIN and m.active = true")
    List<Membership> lockActiveAdmins(Long tenantId);
    /** Suspended tenants the user is an active member of: named to them, so they know why they cannot enter. */
    @Query("""
            select t from Membership m join m.tenant t
            where m.user.id = :userId and m.active = true and t.status = app.cadence.tenancy.domain.TenantStatus.SUSPENDED
            order by t.name""")
    List<Tenant> findSuspendedTenants(Long userId);
}
