package app.cadence.retro.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroRatingRepository extends JpaRepository<RetroRating, Long> {

    @Query("select r from RetroRating r where r.tenantId = :tenantId and r.sessionId = :sessionId")
    List<RetroRating> findBySession(Long tenantId, Long sessionId);

    @Query("select r from RetroRating r where r.tenantId = :tenantId and r.sessionId in :sessionIds")
    List<RetroRating> findBySessions(Long tenantId, Collection<Long> sessionIds);

    @Modifying
    @Query("delete from RetroRating r where r.tenantId = :tenantId and r.sessionId in :sessionIds")
    int deleteBySessions(Long tenantId, Collection<Long> sessionIds);
}
