package app.cadence.security.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LoginThrottleRepository extends JpaRepository<LoginThrottleEntry, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from LoginThrottleEntry e where e.key = :key")
    Optional<LoginThrottleEntry> findForUpdate(String key);

    /**
     * A counter without failures, so that there is a row to lock. A plain insert, not
     * {@code save()}: a merge would overwrite a counter that another node created meanwhile,
     * while an insert fails on the primary key, which the caller expects and ignores.
     */
    @Modifying
    @Query("insert into LoginThrottleEntry (key, failures, lastFailureAt) values (:key, 0, :now)")
    int insertEmpty(String key, Instant now);

    /** For the retention purge: counters untouched since {@code cutoff}, long past any wait or memory of failures. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from LoginThrottleEntry e where e.lastFailureAt < :cutoff and (e.blockedUntil is null or e.blockedUntil < :cutoff)")
    int deleteUntouchedSince(java.time.Instant cutoff);
}
