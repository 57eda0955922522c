package app.cadence.template.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TemplateProposalRepository extends JpaRepository<TemplateProposal, Long> {

    @Query("select p from TemplateProposal p where p.id = :id and p.tenantId = :tenantId")
    Optional<TemplateProposal> findInTenant(Long id, Long tenantId);

    /** A template's proposals: pending first, then the decided ones; latest first in each. */
    @Query("""
            select p from TemplateProposal p where p.tenantId = :tenantId and p.templateId = :templateId
            order by case when p.state = app.cadence.template.domain.ProposalState.PENDING then 0 else 1 end, p.proposedAt desc, p.id desc""")
    List<TemplateProposal> findOfTemplate(Long tenantId, Long templateId);

    @Query("select p from TemplateProposal p where p.tenantId = :tenantId and p.lessonId = :lessonId order by p.proposedAt desc, p.id desc")
    List<TemplateProposal> findOfLesson(Long tenantId, Long lessonId);

    @Query("""
            select p from TemplateProposal p where p.tenantId = :tenantId and p.templateId = :templateId
              and p.state = app.cadence.template.domain.ProposalState.ACCEPTED and p.draftVersionId = :versionId
            order by p.decidedAt, p.id""")
    List<TemplateProposal> findTakenInto(Long tenantId, Long templateId, Long versionId);

    @Query("""
            select p from TemplateProposal p where p.tenantId = :tenantId and p.draftVersionId = :draftId
              and p.state = app.cadence.template.domain.ProposalState.ACCEPTED""")
    List<TemplateProposal> findAcceptedInto(Long tenantId, Long draftId);

    @Query("select count(p) from TemplateProposal p where p.tenantId = :tenantId and p.templateId = :templateId and p.state = app.cadence.template.domain.ProposalState.PENDING")
    long countPending(Long tenantId, Long templateId);
}
