package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RosterAssignmentRepository extends JpaRepository<RosterAssignment, Long> {

    @Query("select a from RosterAssignment a where a.tenantId = :tenantId and a.runId = :runId order by a.roleName, a.id")
    List<RosterAssignment> findByRun(Long tenantId, Long runId);

    @Modifying
    @Query("delete from RosterAssignment a where a.tenantId = :tenantId and a.runId = :runId and a.roleName = :roleName")
    int deleteRole(Long tenantId, Long runId, String roleName);

    @Modifying
    @Query("delete from RosterAssignment a where a.tenantId = :tenantId and a.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
