package app.cadence.reporting.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Every query names the tenant by hand: {@code @TenantId} is the safety net, not the wall. */
public interface StatusReportRepository extends JpaRepository<StatusReport, Long> {

    @Query("select r from StatusReport r where r.id = :id and r.tenantId = :tenantId")
    Optional<StatusReport> findInTenant(Long id, Long tenantId);

    @Query("select r from StatusReport r where r.tenantId = :tenantId and r.openDraftOf = :projectId")
    Optional<StatusReport> findOpenDraft(Long tenantId, Long projectId);

    @Query("""
            select new app.cadence.reporting.domain.PublishedRow(r.id, r.projectId, r.asOf, r.title, r.health,
                   r.healthReason, r.publishedAt, r.publishedBy)
              from StatusReport r
             where r.tenantId = :tenantId and r.projectId = :projectId and r.state = app.cadence.reporting.domain.ReportState.PUBLISHED
             order by r.publishedAt desc, r.id desc""")
    List<PublishedRow> findPublished(Long tenantId, Long projectId, Pageable page);

    @Query("""
            select count(r) from StatusReport r
             where r.tenantId = :tenantId and r.projectId = :projectId and r.state = app.cadence.reporting.domain.ReportState.PUBLISHED""")
    long countPublished(Long tenantId, Long projectId);

    @Query("""
            select r from StatusReport r
             where r.tenantId = :tenantId and r.projectId = :projectId and r.state = app.cadence.reporting.domain.ReportState.PUBLISHED
             order by r.publishedAt desc, r.id desc""")
    List<StatusReport> findLatestPublished(Long tenantId, Long projectId, Pageable first);

    @Modifying
    @Query("delete from StatusReport r where r.tenantId = :tenantId and r.projectId = :projectId")
    int deleteByProject(Long tenantId, Long projectId);
}
