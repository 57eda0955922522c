package app.cadence.notify.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every query names the tenant by hand, besides Hibernate's {@code @TenantId} filter. */
public interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, Long> {

    @Query("select p from NotificationPreference p where p.tenantId = :tenantId and p.userId = :userId")
    List<NotificationPreference> findOwn(Long tenantId, Long userId);

    /** The choices of some recipients for one kind: what {@code send} reads, one statement per request. */
    @Query("select p from NotificationPreference p where p.tenantId = :tenantId and p.kind = :kind and p.userId in :userIds")
    List<NotificationPreference> findFor(Long tenantId, NotificationKind kind, Collection<Long> userIds);
}
