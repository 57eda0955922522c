package app.cadence.mail.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Outbox messages are not @TenantId entities (some belong to no tenant), so Hibernate filters
 * nothing here: every query a tenant's user reaches takes the tenant id as a parameter.
 */
public interface OutboxMessageRepository extends Repository<OutboxMessage, Long> {

    OutboxMessage save(OutboxMessage message);

    /** For the dispatcher only: it works across tenants. */
    Optional<OutboxMessage> findById(Long id);

    /** Oldest due first, so that a backlog drains in order. Uses ix_outbox_message_due. */
    @Query("""
            select m from OutboxMessage m
             where m.status in (app.cadence.mail.domain.DeliveryStatus.PENDING,
                                app.cadence.mail.domain.DeliveryStatus.FAILED_RETRYING)
               and m.nextAttemptAt <= :now
             order by m.nextAttemptAt, m.id""")
    List<OutboxMessage> findDue(Instant now, Pageable page);

    /** The ADMIN listing, newest first. Uses ix_outbox_message_tenant (tenant_id first). */
    @Query("select m from OutboxMessage m where m.tenantId = :tenantId order by m.createdAt desc, m.id desc")
    List<OutboxMessage> findForTenant(Long tenantId, Pageable page);

    @Query("select count(m) from OutboxMessage m where m.tenantId = :tenantId")
    long countForTenant(Long tenantId);

    @Query("select m from OutboxMessage m where m.id = :id and m.tenantId = :tenantId")
    Optional<OutboxMessage> findOneForTenant(Long tenantId, Long id);
}
