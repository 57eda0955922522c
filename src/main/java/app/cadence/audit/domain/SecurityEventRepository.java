package app.cadence.audit.domain;

import app.cadence.tenancy.domain.TenancySql;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SecurityEventRepository extends JpaRepository<SecurityEvent, Long> {

    /**
     * A tenant's events, and the failed or throttled sign-ins of its active members' accounts,
     * which belong to no tenant (they happen before one is chosen). Native SQL with the member
     * list as the tenancy module publishes it; two index-led parts, so no OR defeats the indexes.
     */
    String FOR_TENANT = """
            select e.* from security_event e where e.tenant_id = :tenantId
            union all
            select e.* from security_event e
             where e.tenant_id is null and e.type in ('SIGN_IN_FAILED', 'SIGN_IN_THROTTLED')
               and e.actor in (""" + TenancySql.ACTIVE_MEMBER_EMAILS + ")";

    @Query(nativeQuery = true, value = "select * from (" + FOR_TENANT + ") x order by x.occurred_at desc, x.id desc")
    List<SecurityEvent> findForTenant(Long tenantId, Pageable page);

    @Query(nativeQuery = true, value = "select count(*) from (" + FOR_TENANT + ") x")
    long countForTenant(Long tenantId);

    @Query("select e from SecurityEvent e where e.type in :types order by e.occurredAt desc, e.id desc")
    List<SecurityEvent> findOfTypes(Collection<SecurityEventType> types, Pageable page);

    @Query("select count(e) from SecurityEvent e where e.type in :types")
    long countOfTypes(Collection<SecurityEventType> types);
}
