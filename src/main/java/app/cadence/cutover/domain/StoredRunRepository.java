package app.cadence.cutover.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoredRunRepository extends JpaRepository<StoredRun, Long> {

    /** By id and tenant: the tenant filter is a safety net, this predicate is the wall. */
    @Query("select r from StoredRun r where r.id = :id and r.tenantId = :tenantId")
    Optional<StoredRun> findInTenant(Long id, Long tenantId);

    /**
     * The run, locked until the transaction ends: every change to a run's steps reads all of them
     * and writes the ones that changed, so two changes to one run must not interleave. Its version
     * goes up with every change of the run, whichever of its rows the change writes: the run
     * screen's shared read (RunSnapshots) relies on it to tell a current read from a stale one.
     */
    @Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
    @Query("select r from StoredRun r where r.id = :id and r.tenantId = :tenantId")
    Optional<StoredRun> lockInTenant(Long id, Long tenantId);

    @Query("select r from StoredRun r where r.tenantId = :tenantId and r.instanceId = :instanceId order by r.runNumber")
    List<StoredRun> findByInstance(Long tenantId, Long instanceId);

    /**
     * Runs not ended that are under way or planned to reach T0 before {@code to}, soonest first,
     * with whether the member leads or holds a role in each (one statement).
     */
    @Query("""
            select r, (r.leadUserId = :userId or exists (select a.id from RosterAssignment a where a.tenantId = :tenantId
                       and a.runId = r.id and a.userId = :userId)) from StoredRun r
             where r.tenantId = :tenantId and r.endedAt is null
               and (r.state <> app.cadence.cutover.domain.RunState.SCHEDULED or (r.plannedT0 >= :from and r.plannedT0 < :to))
             order by r.plannedT0""")
    List<Object[]> findComing(Long tenantId, Long userId, Instant from, Instant to);

    /** The runs in which the member holds a role of the roster. */
    @Query("""
            select r from StoredRun r where r.tenantId = :tenantId and r.id in
              (select a.runId from RosterAssignment a where a.tenantId = :tenantId and a.userId = :userId)
             order by r.plannedT0""")
    List<StoredRun> findWhereHolding(Long tenantId, Long userId);

    /** The runs under way (running or paused) of the given instances. */
    @Query("""
            select r from StoredRun r where r.tenantId = :tenantId and r.instanceId in :instanceIds
               and r.state in (app.cadence.cutover.domain.RunState.RUNNING, app.cadence.cutover.domain.RunState.PAUSED)""")
    List<StoredRun> findUnderWay(Long tenantId, Collection<Long> instanceIds);

    @Query("select r.id from StoredRun r where r.tenantId = :tenantId and r.instanceId = :instanceId")
    List<Long> idsOfInstance(Long tenantId, Long instanceId);

    @Query("select r.id from StoredRun r where r.tenantId = :tenantId and r.projectId = :projectId")
    List<Long> idsOfProject(Long tenantId, Long projectId);

    @Modifying
    @Query("delete from StoredRun r where r.tenantId = :tenantId and r.id in :ids")
    int deleteRuns(Long tenantId, Collection<Long> ids);
}
