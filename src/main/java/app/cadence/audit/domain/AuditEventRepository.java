package app.cadence.audit.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: saving is the only write; there is no update or delete method. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    String PROJECT_HISTORY = """
             from AuditEvent e
             where e.tenantId = :tenantId and e.projectId = :projectId
               and (:actor = '' or lower(e.actor) like :actorPattern escape '!')
               and (:from is null or e.occurredAt >= :from)
               and (:until is null or e.occurredAt < :until)""";

    @Query("select e " + PROJECT_HISTORY + " order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findProjectHistory(Long tenantId, Long projectId, String actor, String actorPattern,
                                        @Nullable Instant from, @Nullable Instant until, Pageable page);

    @Query("select count(e) " + PROJECT_HISTORY)
    long countProjectHistory(Long tenantId, Long projectId, String actor, String actorPattern,
                             @Nullable Instant from, @Nullable Instant until);
}
