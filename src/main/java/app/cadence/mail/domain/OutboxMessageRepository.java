package app.cadence.mail.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * For the retention purge, across tenants: a message whose link has expired is not sent any
     * more and loses its sealed text. The version moves, so that a concurrent retry fails cleanly.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxMessage m
               set m.status = app.cadence.mail.domain.DeliveryStatus.EXPIRED, m.nextAttemptAt = null,
                   m.sealedBody = null, m.sealedLink = null, m.version = m.version + 1,
                   m.lastError = coalesce(m.lastError, 'The link expired before the email could be sent.')
             where m.expiresAt <= :now and m.sealedBody is not null
               and m.status <> app.cadence.mail.domain.DeliveryStatus.SENT""")
    int expireUnsent(Instant now);

    /** A safety net: sending already drops the text; none must remain after it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxMessage m set m.sealedBody = null, m.sealedLink = null, m.version = m.version + 1
             where m.status = app.cadence.mail.domain.DeliveryStatus.SENT and m.sealedBody is not null""")
    int forgetSentContent();

    /** Sent and expired messages past retention; open and given-up ones stay for the ADMIN to see. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            delete from OutboxMessage m
             where (m.status = app.cadence.mail.domain.DeliveryStatus.SENT and m.sentAt < :cutoff)
                or (m.status = app.cadence.mail.domain.DeliveryStatus.EXPIRED and coalesce(m.expiresAt, m.createdAt) < :cutoff)""")
    int deleteClosedBefore(Instant cutoff);

    @Query("select m from OutboxMessage m where m.tenantId = :tenantId and m.id in :ids")
    List<OutboxMessage> findSomeForTenant(Long tenantId, java.util.Collection<Long> ids);
}
