package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoredStepRepository extends JpaRepository<StoredStep, Long> {

    @Query("select s from StoredStep s where s.tenantId = :tenantId and s.runId = :runId")
    List<StoredStep> findByRun(Long tenantId, Long runId);

    @Modifying
    @Query("delete from StoredStep s where s.tenantId = :tenantId and s.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
