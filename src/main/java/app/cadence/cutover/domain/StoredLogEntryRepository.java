package app.cadence.cutover.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StoredLogEntryRepository extends JpaRepository<StoredLogEntry, Long> {

    /** Newest first. */
    @Query("select e from StoredLogEntry e where e.tenantId = :tenantId and e.runId = :runId order by e.loggedAt desc, e.id desc")
    List<StoredLogEntry> findLatest(Long tenantId, Long runId, Pageable page);

    @Modifying
    @Query("delete from StoredLogEntry e where e.tenantId = :tenantId and e.runId in :runIds")
    int deleteByRuns(Long tenantId, Collection<Long> runIds);
}
