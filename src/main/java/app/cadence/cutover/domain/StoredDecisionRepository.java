package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoredDecisionRepository extends JpaRepository<StoredDecision, Long> {

    @Query("select d from StoredDecision d where d.tenantId = :tenantId and d.runId = :runId order by d.openedAt, d.id")
    List<StoredDecision> findByRun(Long tenantId, Long runId);

    @Query("select d from StoredDecision d where d.tenantId = :tenantId and d.runId = :runId and d.stepKey = :stepKey")
    Optional<StoredDecision> findByStep(Long tenantId, Long runId, UUID stepKey);

    @Query("select v from StoredVote v where v.tenantId = :tenantId and v.decisionId in :decisionIds order by v.id")
    List<StoredVote> votesOf(Long tenantId, Collection<Long> decisionIds);

    /**
     * The approvers' rows, each with how far the condition it set was followed up (null when it
     * was never marked met): the run screen reads both in one statement.
     */
    @Query("select v, c from StoredVote v left join StoredCondition c on c.tenantId = v.tenantId and c.decisionId = v.decisionId "
            + "and c.approverId = v.approverId where v.tenantId = :tenantId and v.decisionId in :decisionIds order by v.id")
    List<Object[]> votesWithConditionsOf(Long tenantId, Collection<Long> decisionIds);

    @Modifying
    @Query("delete from StoredVote v where v.tenantId = :tenantId and v.decisionId in "
            + "(select d.id from StoredDecision d where d.tenantId = :tenantId and d.runId in :runIds)")
    int deleteVotesOfRuns(Long tenantId, Collection<Long> runIds);

    @Modifying
    @Query("delete from StoredVote v where v.tenantId = :tenantId and v.decisionId = :decisionId")
    int deleteVotes(Long tenantId, Long decisionId);

    @Modifying
    @Query("delete from StoredDecision d where d.tenantId = :tenantId and d.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
