package app.cadence.retro.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroCardRepository extends JpaRepository<RetroCard, Long> {

    @Query("select c from RetroCard c where c.id = :id and c.tenantId = :tenantId")
    Optional<RetroCard> findInTenant(Long id, Long tenantId);

    @Query("select c from RetroCard c where c.tenantId = :tenantId and c.sessionId = :sessionId order by c.createdAt, c.id")
    List<RetroCard> findBySession(Long tenantId, Long sessionId);

    @Query("select count(c) from RetroCard c where c.tenantId = :tenantId and c.groupId = :groupId")
    long countInGroup(Long tenantId, Long groupId);

    @Modifying
    @Query("delete from RetroCard c where c.tenantId = :tenantId and c.sessionId in :sessionIds")
    int deleteBySessions(Long tenantId, Collection<Long> sessionIds);
}
