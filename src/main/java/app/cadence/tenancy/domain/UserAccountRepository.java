package app.cadence.tenancy.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String normalisedEmail);

    /** Empty for a missing or disabled account: its sessions must end as well. */
    @Query("select u.sessionGeneration from UserAccount u where u.id = :userId and u.enabled = true")
    Optional<Long> findSessionGeneration(Long userId);
}
