package app.cadence.comms.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CalendarSettingsRepository extends JpaRepository<CalendarSettings, Long> {

    @Query("select c from CalendarSettings c where c.tenantId = :tenantId")
    Optional<CalendarSettings> findForTenant(Long tenantId);
}
