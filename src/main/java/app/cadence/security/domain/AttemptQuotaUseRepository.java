package app.cadence.security.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttemptQuotaUseRepository extends JpaRepository<AttemptQuotaUse, Long> {

    @Query("select count(u) from AttemptQuotaUse u where u.key = :key and u.usedAt > :since")
    long countSince(String key, Instant since);

    /**
     * Uses that have left the window: the caller deletes them by id, which locks just those rows
     * (a ranged delete would lock index gaps on MySQL and collide with other keys' inserts).
     */
    @Query("select u.id from AttemptQuotaUse u where u.key = :key and u.usedAt <= :since")
    List<Long> findIdsUntil(String key, Instant since);

    /** For the retention purge: uses of keys nobody has used since {@code cutoff}, by id (see above). */
    @Query("select u.id from AttemptQuotaUse u where u.usedAt < :cutoff")
    List<Long> findIdsUsedBefore(Instant cutoff, org.springframework.data.domain.Pageable page);
}
