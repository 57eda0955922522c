package app.cadence.notify.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatSettingsRepository extends JpaRepository<ChatSettings, Long> {

    @Query("select c from ChatSettings c where c.tenantId = :tenantId")
    Optional<ChatSettings> findForTenant(Long tenantId);
}
