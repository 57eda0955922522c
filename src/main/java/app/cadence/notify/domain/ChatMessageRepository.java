package app.cadence.notify.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

    @Query("select m from ChatMessage m where m.tenantId = :tenantId order by m.createdAt desc, m.id desc")
    List<ChatMessage> findForTenant(Long tenantId, Pageable page);

    @Query("select count(m) from ChatMessage m where m.tenantId = :tenantId")
    long countForTenant(Long tenantId);

    @Query("select m from ChatMessage m where m.id = :id and m.tenantId = :tenantId")
    Optional<ChatMessage> findOneForTenant(Long tenantId, Long id);

    /** Across tenants: the dispatcher's ids only; each message is then posted within its own tenant. */
    @Query(value = """
            select id, tenant_id from chat_message
             where status in ('PENDING', 'RETRYING') and next_attempt_at <= :now
             order by next_attempt_at, id""", nativeQuery = true)
    List<Object[]> findDue(Instant now, Pageable page);
}
