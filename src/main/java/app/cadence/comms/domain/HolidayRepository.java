package app.cadence.comms.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HolidayRepository extends JpaRepository<Holiday, Long> {

    @Query("select h from Holiday h where h.tenantId = :tenantId order by h.day")
    List<Holiday> findForTenant(Long tenantId);

    @Query("select h from Holiday h where h.tenantId = :tenantId and h.day >= :from order by h.day")
    List<Holiday> findFrom(Long tenantId, LocalDate from);

    @Query("select h from Holiday h where h.id = :id and h.tenantId = :tenantId")
    Optional<Holiday> findInTenant(Long id, Long tenantId);

    @Query("select h.day from Holiday h where h.tenantId = :tenantId")
    List<LocalDate> daysOf(Long tenantId);
}
