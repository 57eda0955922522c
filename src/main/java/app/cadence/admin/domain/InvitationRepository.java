package app.cadence.admin.domain;

import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    /** The invitee's way in: by the hash of the link's token, before any tenant is selected. */
    Optional<Invitation> findByTokenHash(String tokenHash);

    @Query("select i from Invitation i where i.tenantId = :tenantId and i.id = :id")
    Optional<Invitation> findInTenant(Long tenantId, Long id);

    @Query("select i from Invitation i where i.tenantId = :tenantId order by i.createdAt desc, i.id desc")
    List<Invitation> findAllOfTenant(Long tenantId);

    @Query("""
            select i from Invitation i where i.tenantId = :tenantId and i.email = :email
               and i.acceptedAt is null and i.revokedAt is null""")
    List<Invitation> findOpen(Long tenantId, String email);

    /** For the retention purge, across tenants: invitations accepted, withdrawn or expired before the cutoff. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Invitation i where i.expiresAt < :cutoff or i.acceptedAt < :cutoff or i.revokedAt < :cutoff")
    int deleteStoppedWorkingBefore(Instant cutoff);
}
