package app.cadence.security.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AttemptQuotaRepository extends JpaRepository<AttemptQuota, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from AttemptQuota q where q.key = :key")
    Optional<AttemptQuota> findForUpdate(String key);

    /** A plain insert (not a merge): a key another node created meanwhile fails on the primary key. */
    @Modifying
    @Query("insert into AttemptQuota (key) values (:key)")
    int insertKey(String key);

    /** For the retention purge: keys with no use left, whose rows would otherwise pile up for ever. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from AttemptQuota q where not exists (select u.id from AttemptQuotaUse u where u.key = q.key)")
    int deleteUnused();
}
