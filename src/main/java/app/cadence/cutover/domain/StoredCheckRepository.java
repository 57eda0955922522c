package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The dated occurrences of a run's hypercare checks; every query names the tenant (the filter is only a safety net). */
public interface StoredCheckRepository extends JpaRepository<StoredCheck, Long> {

    @Query("select c from StoredCheck c where c.tenantId = :tenantId and c.runId = :runId order by c.dueAt, c.stepKey, c.number")
    List<StoredCheck> findByRun(Long tenantId, Long runId);

    /** By id within its run and tenant: another run's or tenant's occurrence is not found. */
    @Query("select c from StoredCheck c where c.id = :id and c.tenantId = :tenantId and c.runId = :runId")
    Optional<StoredCheck> findInRun(Long tenantId, Long runId, Long id);

    @Query("select count(c) > 0 from StoredCheck c where c.tenantId = :tenantId and c.runId = :runId and c.stepKey = :stepKey")
    boolean existsForStep(Long tenantId, Long runId, UUID stepKey);

    @Modifying
    @Query("delete from StoredCheck c where c.tenantId = :tenantId and c.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
