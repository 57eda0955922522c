package app.cadence.work.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InstanceItemRepository extends JpaRepository<InstanceItem, Long> {

    @Query("select it from InstanceItem it where it.id = :id and it.tenantId = :tenantId")
    Optional<InstanceItem> findInTenant(Long id, Long tenantId);

    @Query("select it from InstanceItem it where it.id in :ids and it.tenantId = :tenantId")
    List<InstanceItem> findAllInTenant(Collection<Long> ids, Long tenantId);

    @Query("select it from InstanceItem it where it.id in :ids and it.tenantId = :tenantId and it.instanceId = :instanceId")
    List<InstanceItem> findAllInInstance(Collection<Long> ids, Long instanceId, Long tenantId);

    @Query("""
            select it from InstanceItem it where it.tenantId = :tenantId and it.instanceId = :instanceId
             order by it.sectionPosition, it.position""")
    List<InstanceItem> findByInstance(Long instanceId, Long tenantId);

    /**
     * The counts the health rule reads, for one project, in one statement: [items, due, overdue,
     * blocked, blocked on critical path, cutover items] — as project_rollup counts them.
     */
    @Query("""
            select count(it.id),
                   coalesce(sum(case when it.dueAt <= :now then 1 else 0 end), 0),
                   coalesce(sum(case when it.dueAt < :now and it.status in (app.cadence.work.domain.ItemStatus.OPEN,
                        app.cadence.work.domain.ItemStatus.IN_PROGRESS, app.cadence.work.domain.ItemStatus.BLOCKED) then 1 else 0 end), 0),
                   coalesce(sum(case when it.status = app.cadence.work.domain.ItemStatus.BLOCKED then 1 else 0 end), 0),
                   coalesce(sum(case when it.status = app.cadence.work.domain.ItemStatus.BLOCKED and it.criticalPath = true then 1 else 0 end), 0),
                   coalesce(sum(case when it.instanceKind = app.cadence.template.domain.TemplateKind.CUTOVER then 1 else 0 end), 0)
              from InstanceItem it
             where it.tenantId = :tenantId and it.projectId = :projectId
               and it.status <> app.cadence.work.domain.ItemStatus.NOT_APPLICABLE
               and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)""")
    List<Object[]> healthCounts(Long tenantId, Long projectId, Instant now);

    @Query("""
            select it.title from InstanceItem it
             where it.tenantId = :tenantId and it.projectId = :projectId
               and it.status = app.cadence.work.domain.ItemStatus.BLOCKED and it.criticalPath = true
               and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)
             order by it.dueAt, it.id""")
    List<String> blockedOnCriticalPath(Long tenantId, Long projectId, Pageable first);

    @Query("""
            select new app.cadence.work.domain.MyWorkItem(it.id, it.version, it.title, it.status, it.dueAt,
                   i.id, i.name, it.projectId, it.evidenceRequired, it.evidenceUrl)
              from InstanceItem it
              join Instance i on i.id = it.instanceId and i.tenantId = it.tenantId
             where it.tenantId = :tenantId and it.assigneeUserId = :userId
               and it.status in (app.cadence.work.domain.ItemStatus.OPEN, app.cadence.work.domain.ItemStatus.IN_PROGRESS,
                                 app.cadence.work.domain.ItemStatus.BLOCKED)
               and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)
             order by case when it.dueAt is null then 1 else 0 end, it.dueAt, it.id""")
    List<MyWorkItem> findMyWork(Long tenantId, Long userId, Pageable page);

    @Query("""
            select count(it) from InstanceItem it
             where it.tenantId = :tenantId and it.assigneeUserId = :userId
               and it.status in (app.cadence.work.domain.ItemStatus.OPEN, app.cadence.work.domain.ItemStatus.IN_PROGRESS,
                                 app.cadence.work.domain.ItemStatus.BLOCKED)
               and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)""")
    long countMyWork(Long tenantId, Long userId);

    /** [item id, instance id, instance name, template name, title, status, assignee id, due, blocked reason, step type] */
    String ATTENTION = """
            select it.id, i.id, i.name, i.templateName, it.title, it.status, it.assigneeUserId, it.dueAt, it.blockedReason, it.stepType
              from InstanceItem it
              join Instance i on i.id = it.instanceId and i.tenantId = it.tenantId
             where it.tenantId = :tenantId and it.projectId = :projectId
               and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)
            """;

    @Query(ATTENTION + """
               and it.status = app.cadence.work.domain.ItemStatus.BLOCKED
             order by case when it.dueAt is null then 1 else 0 end, it.dueAt, it.id""")
    List<Object[]> findBlocked(Long tenantId, Long projectId, Pageable page);

    @Query(ATTENTION + """
               and it.dueAt < :now and it.status in (app.cadence.work.domain.ItemStatus.OPEN,
                    app.cadence.work.domain.ItemStatus.IN_PROGRESS, app.cadence.work.domain.ItemStatus.BLOCKED)
             order by it.dueAt, it.id""")
    List<Object[]> findOverdue(Long tenantId, Long projectId, Instant now, Pageable page);

    @Query(ATTENTION + """
               and it.stepType = app.cadence.template.domain.StepType.MILESTONE
               and it.dueAt >= :from and it.dueAt < :to
               and it.status not in (app.cadence.work.domain.ItemStatus.DONE, app.cadence.work.domain.ItemStatus.NOT_APPLICABLE)
             order by it.dueAt, it.id""")
    List<Object[]> findMilestones(Long tenantId, Long projectId, Instant from, Instant to, Pageable page);

    @Modifying
    @Query("delete from InstanceItem it where it.tenantId = :tenantId and it.instanceId = :instanceId")
    int deleteByInstance(Long tenantId, Long instanceId);

    @Modifying
    @Query("delete from InstanceItem it where it.tenantId = :tenantId and it.projectId = :projectId")
    int deleteByProject(Long tenantId, Long projectId);
}
