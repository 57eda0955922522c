package app.cadence.template.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: no update or delete methods are exposed. */
public interface TemplateChangeRepository extends Repository<TemplateChange, Long> {

    TemplateChange save(TemplateChange change);

    @Query("select c from TemplateChange c where c.templateId = :templateId and c.tenantId = :tenantId order by c.changedAt desc, c.id desc")
    List<TemplateChange> findRecent(Long templateId, Long tenantId, Pageable page);
}
