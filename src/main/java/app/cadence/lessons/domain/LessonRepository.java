package app.cadence.lessons.domain;

import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LessonRepository extends JpaRepository<Lesson, Long> {

    /** A deleted project's lessons stay in the library, naming the project by its label but no longer linking to it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Lesson l set l.projectId = null where l.tenantId = :tenantId and l.projectId = :projectId")
    int forgetProject(Long tenantId, Long projectId);

    @Query("select l from Lesson l where l.id = :id and l.tenantId = :tenantId")
    Optional<Lesson> findInTenant(Long id, Long tenantId);

    /**
     * The library's filters, every one optional; the search matches title, what happened,
     * recommendation and tags, kept lower case in one column (the pattern is lower case too).
     */
    String LIBRARY_FROM = """
             from Lesson l
             where l.tenantId = :tenantId
               and (:search = '' or l.searchText like :pattern escape '!')
               and (:templateId is null or l.templateId = :templateId)
               and (:templateKind is null or l.templateKind = :templateKind)
               and (:category is null or l.category = :category)
               and (:tagPattern is null or l.tags like :tagPattern)
               and (:projectId is null or l.projectId = :projectId)
               and (:from is null or l.recordedAt >= :from)
               and (:until is null or l.recordedAt < :until)""";

    @Query(value = """
            select new app.cadence.lessons.domain.LessonRow(l.id, l.title, l.category, l.tags, l.templateId, l.templateName,
                l.templateKind, l.projectId, l.projectLabel, l.sourceKind, l.sourceLabel, l.recordedByName, l.recordedAt)""" + LIBRARY_FROM)
    List<LessonRow> findLibrary(Long tenantId, String search, String pattern, @Nullable Long templateId, @Nullable TemplateKind templateKind,
                                @Nullable LessonCategory category, @Nullable String tagPattern, @Nullable Long projectId,
                                @Nullable Instant from, @Nullable Instant until, Pageable page);

    @Query("select count(l)" + LIBRARY_FROM)
    long countLibrary(Long tenantId, String search, String pattern, @Nullable Long templateId, @Nullable TemplateKind templateKind,
                      @Nullable LessonCategory category, @Nullable String tagPattern, @Nullable Long projectId,
                      @Nullable Instant from, @Nullable Instant until);
}
