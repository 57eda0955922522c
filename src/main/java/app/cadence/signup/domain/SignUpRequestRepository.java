package app.cadence.signup.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SignUpRequestRepository extends JpaRepository<SignUpRequest, Long> {

    Optional<SignUpRequest> findByTokenHash(String tokenHash);
}
