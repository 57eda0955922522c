package app.cadence.security.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface LoginThrottleRepository extends JpaRepository<LoginThrottleEntry, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from LoginThrottleEntry e where e.key = :key")
    Optional<LoginThrottleEntry> findForUpdate(String key);
}
