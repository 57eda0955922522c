package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** How far the conditions of a run's decisions were followed up; every query names the tenant (the filter is only a safety net). */
public interface StoredConditionRepository extends JpaRepository<StoredCondition, Long> {

    @Query("select c from StoredCondition c where c.tenantId = :tenantId and c.runId = :runId and c.decisionId = :decisionId "
            + "and c.approverId = :approverId")
    Optional<StoredCondition> findOne(Long tenantId, Long runId, Long decisionId, Long approverId);

    @Modifying
    @Query("delete from StoredCondition c where c.tenantId = :tenantId and c.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
