package app.cadence.signup.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SignUpRequestRepository extends JpaRepository<SignUpRequest, Long> {

    Optional<SignUpRequest> findByTokenHash(String tokenHash);

    /** For the retention purge: requests completed or expired before the cutoff, with their password hashes. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from SignUpRequest r where r.expiresAt < :cutoff or r.completedAt < :cutoff")
    int deleteStoppedWorkingBefore(Instant cutoff);
}
