package app.cadence.admin.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Every method takes the tenant explicitly, besides Hibernate's @TenantId filter: Hibernate 7.2
 * adds no tenant predicate to bulk DELETE statements.
 */
public interface TenantLogoRepository extends Repository<TenantLogo, Long> {

    @Query("select l from TenantLogo l where l.tenantId = :tenantId")
    Optional<TenantLogo> findForTenant(Long tenantId);

    TenantLogo save(TenantLogo logo);

    @Modifying
    @Query("delete from TenantLogo l where l.tenantId = :tenantId")
    int deleteForTenant(Long tenantId);
}
