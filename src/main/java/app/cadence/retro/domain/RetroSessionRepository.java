package app.cadence.retro.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroSessionRepository extends JpaRepository<RetroSession, Long> {

    /** By id and tenant: the tenant filter is a safety net, this predicate is the wall. */
    @Query("select s from RetroSession s where s.id = :id and s.tenantId = :tenantId")
    Optional<RetroSession> findInTenant(Long id, Long tenantId);

    /**
     * The session locked until the transaction ends, its version raised: every change to a board
     * passes here, so twenty people adding cards at once are applied one after another (a vote
     * budget and a phase change cannot interleave), and the version tells a fresh read from a stale one.
     */
    @Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
    @Query("select s from RetroSession s where s.id = :id and s.tenantId = :tenantId")
    Optional<RetroSession> lockInTenant(Long id, Long tenantId);

    @Query("select s from RetroSession s where s.tenantId = :tenantId and s.instanceId = :instanceId")
    Optional<RetroSession> findByInstance(Long tenantId, Long instanceId);

    @Query("select s from RetroSession s where s.tenantId = :tenantId and s.projectId = :projectId order by s.createdAt, s.id")
    List<RetroSession> findByProject(Long tenantId, Long projectId);

    @Query("select s.id from RetroSession s where s.tenantId = :tenantId and s.instanceId = :instanceId")
    List<Long> idsOfInstance(Long tenantId, Long instanceId);

    @Query("select s.id from RetroSession s where s.tenantId = :tenantId and s.projectId = :projectId")
    List<Long> idsOfProject(Long tenantId, Long projectId);

    @Modifying
    @Query("delete from RetroSession s where s.tenantId = :tenantId and s.id in :ids")
    int deleteSessions(Long tenantId, Collection<Long> ids);
}
