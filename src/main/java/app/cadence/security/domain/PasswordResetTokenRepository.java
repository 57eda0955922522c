package app.cadence.security.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, Long> {

    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    /** Locked, so that two requests racing with the same link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PasswordResetToken t where t.tokenHash = :tokenHash")
    Optional<PasswordResetToken> findForUpdate(String tokenHash);

    @Query("select count(t) from PasswordResetToken t where t.userId = :userId and t.usedAt is null and t.expiresAt > :now")
    long countUsable(Long userId, Instant now);

    @Query("select count(t) from PasswordResetToken t where t.requestedFrom = :address and t.createdAt > :since")
    long countRequestedFrom(String address, Instant since);

    /** Once the password is set, the person's other links stop working too. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = :now where t.userId = :userId and t.usedAt is null")
    int useAll(Long userId, Instant now);

    /** For the retention purge: links used or expired before the cutoff. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from PasswordResetToken t where t.expiresAt < :cutoff or t.usedAt < :cutoff")
    int deleteStoppedWorkingBefore(Instant cutoff);
}
