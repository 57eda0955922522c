package app.cadence.retro.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroVoteRepository extends JpaRepository<RetroVote, Long> {

    @Query("select v from RetroVote v where v.tenantId = :tenantId and v.sessionId = :sessionId")
    List<RetroVote> findBySession(Long tenantId, Long sessionId);

    @Query("select v from RetroVote v where v.tenantId = :tenantId and v.sessionId = :sessionId and v.voterToken = :voterToken")
    List<RetroVote> findByVoter(Long tenantId, Long sessionId, String voterToken);

    @Query("select v from RetroVote v where v.tenantId = :tenantId and v.sessionId = :sessionId and v.voterToken = :voterToken and v.groupId = :groupId")
    Optional<RetroVote> findOne(Long tenantId, Long sessionId, String voterToken, Long groupId);

    @Modifying
    @Query("delete from RetroVote v where v.tenantId = :tenantId and v.sessionId in :sessionIds")
    int deleteBySessions(Long tenantId, Collection<Long> sessionIds);
}
