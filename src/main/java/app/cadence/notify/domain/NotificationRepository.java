package app.cadence.notify.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Every query names the tenant and the recipient by hand, besides Hibernate's {@code @TenantId}
 * filter: a person reads and marks only their own notices, and Hibernate 7.2 adds no tenant to
 * bulk updates.
 */
public interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("""
            select n from Notification n
            where n.tenantId = :tenantId and n.recipientId = :recipientId
            order by n.createdAt desc, n.id desc""")
    List<Notification> findRecent(Long tenantId, Long recipientId, Pageable page);

    @Query("""
            select n from Notification n
            where n.tenantId = :tenantId and n.recipientId = :recipientId and n.readAt is null
            order by n.createdAt desc, n.id desc""")
    List<Notification> findUnread(Long tenantId, Long recipientId, Pageable page);

    @Query("select count(n) from Notification n where n.tenantId = :tenantId and n.recipientId = :recipientId")
    long countAll(Long tenantId, Long recipientId);

    @Query("select count(n) from Notification n where n.tenantId = :tenantId and n.recipientId = :recipientId and n.readAt is null")
    long countUnread(Long tenantId, Long recipientId);

    @Query("select n from Notification n where n.id = :id and n.tenantId = :tenantId and n.recipientId = :recipientId")
    Optional<Notification> findOwn(Long id, Long tenantId, Long recipientId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n set n.readAt = :at
            where n.tenantId = :tenantId and n.recipientId = :recipientId and n.readAt is null""")
    int markAllRead(Long tenantId, Long recipientId, Instant at);

    /** Which of the recipients already have a notice with this key: they are not notified again. */
    @Query("""
            select n.recipientId from Notification n
            where n.tenantId = :tenantId and n.dedupeKey = :dedupeKey and n.recipientId in :recipientIds""")
    List<Long> recipientsWithKey(Long tenantId, String dedupeKey, Collection<Long> recipientIds);
}
