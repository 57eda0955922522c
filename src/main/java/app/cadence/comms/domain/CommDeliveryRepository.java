package app.cadence.comms.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CommDeliveryRepository extends JpaRepository<CommDelivery, Long> {

    @Query("select d from CommDelivery d where d.tenantId = :tenantId and d.occurrenceId = :occurrenceId order by d.id")
    List<CommDelivery> findByOccurrence(Long tenantId, Long occurrenceId);

    @Modifying
    @Query("""
            delete from CommDelivery d where d.tenantId = :tenantId
               and d.occurrenceId in (select o.id from CommOccurrence o where o.tenantId = :tenantId and o.projectId = :projectId)""")
    int deleteOfProject(Long tenantId, Long projectId);
}
