package app.cadence.template.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TemplateVersionRepository extends JpaRepository<TemplateVersion, Long> {

    @Query("select v from TemplateVersion v where v.template.id = :templateId and v.tenantId = :tenantId order by v.state asc, v.number desc")
    List<TemplateVersion> findAllOf(Long templateId, Long tenantId);

    @Query("select v from TemplateVersion v where v.id = :id and v.template.id = :templateId and v.tenantId = :tenantId")
    Optional<TemplateVersion> findInTenant(Long id, Long templateId, Long tenantId);

    @Query("select v from TemplateVersion v where v.id = :id and v.tenantId = :tenantId and v.number is not null")
    Optional<TemplateVersion> findPublishedInTenant(Long id, Long tenantId);

    @Query("select v from TemplateVersion v where v.template.id = :templateId and v.tenantId = :tenantId and v.state = app.cadence.template.domain.VersionState.DRAFT")
    Optional<TemplateVersion> findDraft(Long templateId, Long tenantId);

    @Query("select coalesce(max(v.number), 0) from TemplateVersion v where v.template.id = :templateId and v.tenantId = :tenantId")
    int lastNumber(Long templateId, Long tenantId);

    @Query("""
            select new app.cadence.template.domain.PublishedVersionRow(t.id, t.name, t.kind, v.id, v.number)
              from TemplateVersion v join v.template t
             where v.tenantId = :tenantId and t.tenantId = :tenantId
               and t.status = app.cadence.template.domain.TemplateStatus.ACTIVE
               and v.state = app.cadence.template.domain.VersionState.PUBLISHED
             order by t.kind, t.name, t.id, v.number desc""")
    List<PublishedVersionRow> findApplicable(Long tenantId);
}
