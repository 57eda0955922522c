package app.cadence.retro.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroActionRepository extends JpaRepository<RetroAction, Long> {

    @Query("select a from RetroAction a where a.id = :id and a.tenantId = :tenantId")
    Optional<RetroAction> findInTenant(Long id, Long tenantId);

    @Query("select a from RetroAction a where a.tenantId = :tenantId and a.sessionId = :sessionId order by a.createdAt, a.id")
    List<RetroAction> findBySession(Long tenantId, Long sessionId);

    /** The open actions of a project's earlier sessions: what the next retrospective reviews first. */
    @Query("""
            select a from RetroAction a where a.tenantId = :tenantId and a.projectId = :projectId and a.sessionId <> :sessionId
               and (a.status = app.cadence.retro.domain.ActionStatus.OPEN or a.reviewedInSessionId = :sessionId)
             order by a.createdAt, a.id""")
    List<RetroAction> findCarriedInto(Long tenantId, Long projectId, Long sessionId);

    @Query("""
            select a from RetroAction a where a.tenantId = :tenantId and a.projectId = :projectId
             order by case when a.status = app.cadence.retro.domain.ActionStatus.OPEN then 0 else 1 end, a.dueOn, a.id""")
    List<RetroAction> findByProject(Long tenantId, Long projectId);

    @Query("""
            select a from RetroAction a where a.tenantId = :tenantId and a.ownerId = :ownerId
               and a.status = app.cadence.retro.domain.ActionStatus.OPEN order by a.dueOn, a.id""")
    List<RetroAction> findOpenOwnedBy(Long tenantId, Long ownerId);

    /** Not dropped; due (their day has passed); overdue (due and open): one row, as RetroSql counts them. */
    @Query("""
            select count(a), sum(case when a.dueOn < :today then 1 else 0 end),
                   sum(case when a.status = app.cadence.retro.domain.ActionStatus.OPEN and a.dueOn < :today then 1 else 0 end)
              from RetroAction a where a.tenantId = :tenantId and a.projectId = :projectId
               and a.status <> app.cadence.retro.domain.ActionStatus.DROPPED""")
    List<Object[]> countForHealth(Long tenantId, Long projectId, java.time.LocalDate today);

    @Modifying
    @Query("delete from RetroAction a where a.tenantId = :tenantId and a.sessionId in :sessionIds")
    int deleteBySessions(Long tenantId, Collection<Long> sessionIds);
}
