package app.cadence.audit.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SecurityEventRepository extends JpaRepository<SecurityEvent, Long> {

    @Query("select e from SecurityEvent e where e.tenantId = :tenantId order by e.occurredAt desc, e.id desc")
    List<SecurityEvent> findForTenant(Long tenantId, Pageable page);

    @Query("select count(e) from SecurityEvent e where e.tenantId = :tenantId")
    long countForTenant(Long tenantId);

    @Query("select e from SecurityEvent e where e.type in :types order by e.occurredAt desc, e.id desc")
    List<SecurityEvent> findOfTypes(Collection<SecurityEventType> types, Pageable page);

    @Query("select count(e) from SecurityEvent e where e.type in :types")
    long countOfTypes(Collection<SecurityEventType> types);
}
