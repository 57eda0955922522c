package app.cadence.portfolio.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PortfolioCommentaryRepository extends JpaRepository<PortfolioCommentary, Long> {

    @Query("select c from PortfolioCommentary c where c.tenantId = :tenantId")
    Optional<PortfolioCommentary> findOfTenant(Long tenantId);
}
