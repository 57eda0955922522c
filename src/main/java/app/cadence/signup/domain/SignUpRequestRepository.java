package app.cadence.signup.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SignUpRequestRepository extends JpaRepository<SignUpRequest, Long> {

    Optional<SignUpRequest> findByTokenHash(String tokenHash);

    /** Recent requests for one address: a cap on them keeps the form from being used to flood an inbox. */
    @Query("select count(r) from SignUpRequest r where r.email = :email and r.createdAt > :since")
    long countSince(String email, Instant since);

    /** For the retention purge: requests completed or expired before the cutoff, with their password hashes. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from SignUpRequest r where r.expiresAt < :cutoff or r.completedAt < :cutoff")
    int deleteStoppedWorkingBefore(Instant cutoff);
}
