package app.cadence.retro.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RetroGroupRepository extends JpaRepository<RetroGroup, Long> {

    @Query("select g from RetroGroup g where g.id = :id and g.tenantId = :tenantId")
    Optional<RetroGroup> findInTenant(Long id, Long tenantId);

    @Query("select g from RetroGroup g where g.tenantId = :tenantId and g.sessionId = :sessionId order by g.createdAt, g.id")
    List<RetroGroup> findBySession(Long tenantId, Long sessionId);

    @Modifying
    @Query("delete from RetroGroup g where g.tenantId = :tenantId and g.sessionId in :sessionIds")
    int deleteBySessions(Long tenantId, Collection<Long> sessionIds);
}
