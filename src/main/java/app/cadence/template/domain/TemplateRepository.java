package app.cadence.template.domain;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TemplateRepository extends JpaRepository<Template, Long> {

    @Query("select t from Template t where t.id = :id and t.tenantId = :tenantId")
    Optional<Template> findInTenant(Long id, Long tenantId);

    @Query("select count(t) > 0 from Template t where t.tenantId = :tenantId and lower(t.name) = lower(:name) and (:excludeId is null or t.id <> :excludeId)")
    boolean nameTaken(Long tenantId, String name, @Nullable Long excludeId);

    String LIBRARY_FROM = """
             from Template t
             where t.tenantId = :tenantId
               and (:kind is null or t.kind = :kind)
               and (:status is null or t.status = :status)
               and (:search = '' or lower(t.name) like :pattern escape '!')""";

    /** The library page, one statement: latest published number and draft flag as subqueries. */
    @Query(value = """
            select new app.cadence.template.domain.TemplateRow(t.id, t.kind, t.name,
                (select max(v.number) from TemplateVersion v where v.template = t and v.state = app.cadence.template.domain.VersionState.PUBLISHED),
                (select count(d) > 0 from TemplateVersion d where d.template = t and d.state = app.cadence.template.domain.VersionState.DRAFT),
                t.status, t.updatedBy, t.updatedAt)""" + LIBRARY_FROM,
            countQuery = "select count(t)" + LIBRARY_FROM)
    List<TemplateRow> findLibrary(Long tenantId, @Nullable TemplateKind kind, @Nullable TemplateStatus status,
                                  String search, String pattern, Pageable page);

    @Query("select count(t)" + LIBRARY_FROM)
    long countLibrary(Long tenantId, @Nullable TemplateKind kind, @Nullable TemplateStatus status, String search, String pattern);
}
