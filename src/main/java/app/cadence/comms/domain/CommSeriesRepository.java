package app.cadence.comms.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CommSeriesRepository extends JpaRepository<CommSeries, Long> {

    @Query("select s from CommSeries s where s.id = :id and s.tenantId = :tenantId")
    Optional<CommSeries> findInTenant(Long id, Long tenantId);

    @Query("select s from CommSeries s where s.tenantId = :tenantId and s.projectId = :projectId order by s.firstDate, s.id")
    List<CommSeries> findByProject(Long tenantId, Long projectId);

    @Query("select s from CommSeries s where s.tenantId = :tenantId order by s.id")
    List<CommSeries> findAllInTenant(Long tenantId);

    /** The series whose occurrences are not written up to {@code until}: what the horizon round extends. */
    @Query("select s from CommSeries s where s.tenantId = :tenantId and (s.plannedUntil is null or s.plannedUntil < :until) order by s.id")
    List<CommSeries> findBehind(Long tenantId, java.time.LocalDate until);

    @Query("select s.id from CommSeries s where s.tenantId = :tenantId and s.instanceId = :instanceId")
    List<Long> idsOfInstance(Long tenantId, Long instanceId);

    @Query("select s.id from CommSeries s where s.tenantId = :tenantId and s.projectId = :projectId")
    List<Long> idsOfProject(Long tenantId, Long projectId);

    @Modifying
    @Query("delete from CommSeries s where s.tenantId = :tenantId and s.id in :ids")
    int deleteSeries(Long tenantId, Collection<Long> ids);
}
