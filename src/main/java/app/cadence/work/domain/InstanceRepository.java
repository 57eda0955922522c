package app.cadence.work.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InstanceRepository extends JpaRepository<Instance, Long> {

    @Query("select i from Instance i where i.id = :id and i.tenantId = :tenantId")
    Optional<Instance> findInTenant(Long id, Long tenantId);

    /** A project's instances with their counts, in one statement; rollback steps count only on a run's screen, once invoked. */
    @Query("""
            select new app.cadence.work.domain.InstanceProgress(i.id, i.name, i.templateName, i.versionNumber, i.kind,
                   i.anchorAt, i.planStart, i.planEnd, i.timeZone, count(it.id),
                   coalesce(sum(case when it.status = app.cadence.work.domain.ItemStatus.DONE then 1 else 0 end), 0),
                   coalesce(sum(case when it.status = app.cadence.work.domain.ItemStatus.NOT_APPLICABLE then 1 else 0 end), 0),
                   coalesce(sum(case when it.status in (app.cadence.work.domain.ItemStatus.OPEN, app.cadence.work.domain.ItemStatus.IN_PROGRESS,
                                                        app.cadence.work.domain.ItemStatus.BLOCKED) and it.dueAt < :now then 1 else 0 end), 0),
                   coalesce(sum(case when it.status = app.cadence.work.domain.ItemStatus.BLOCKED then 1 else 0 end), 0))
              from Instance i left join InstanceItem it on it.instanceId = i.id and it.tenantId = i.tenantId
                   and (it.sectionRole is null or it.sectionRole <> app.cadence.template.domain.SectionRole.ROLLBACK)
             where i.tenantId = :tenantId and i.projectId = :projectId
             group by i.id, i.name, i.templateName, i.versionNumber, i.kind, i.anchorAt, i.planStart, i.planEnd, i.timeZone, i.createdAt
             order by i.createdAt, i.id""")
    List<InstanceProgress> findProgress(Long tenantId, Long projectId, Instant now);

    @Modifying
    @Query("delete from Instance i where i.tenantId = :tenantId and i.projectId = :projectId")
    int deleteByProject(Long tenantId, Long projectId);
}
