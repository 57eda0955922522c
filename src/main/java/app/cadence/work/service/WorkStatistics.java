package app.cadence.work.service;

import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.domain.WorkSql;
import app.cadence.template.domain.TemplateSql;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over the current tenant's applied templates and items, for the portfolio: the work
 * module answers them so that its tables stay its own.
 */
@Service
@NamedInterface("api")
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class WorkStatistics {

    /**
     * How often one template version is applied: the PMO's view of process adoption; {@code behind}
     * when the template has a newer published version (template drift).
     */
    public record TemplateAdoption(String templateName, int versionNumber, long instances, long projects, boolean behind) {
    }

    private static final String COUNTED_STATUSES = java.util.Arrays.stream(app.cadence.work.domain.ItemStatus.values())
            .filter(app.cadence.work.domain.ItemStatus::countsTowardsProgress).map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private final EntityManager em;

    WorkStatistics(EntityManager em) {
        this.em = em;
    }

    /**
     * Overdue items at each of the given instants (all in the past or now), in one statement:
     * items due by then and not completed by then (not-applicable ones left out). Computed from
     * each item's due and completion times rather than replayed from the audit store, so an item
     * reopened later counts as overdue from its due date on.
     */
    public List<Long> overdueAt(List<Instant> ends) {
        if (ends.isEmpty()) {
            return List.of();
        }
        StringBuilder sums = new StringBuilder();
        for (int w = 0; w < ends.size(); w++) {
            sums.append(w == 0 ? "" : ", ").append("sum(case when it.due_at < :t").append(w)
                    .append(" and (it.completed_at is null or it.completed_at > :t").append(w).append(") then 1 else 0 end)");
        }
        // Items due after the last instant or done before the first one count nowhere: left out by the index.
        // Every status but not applicable, listed: MariaDB then reads one range of
        // ix_item_tenant_status_due_cover per status (items due before the last instant); with
        // "<> 'NOT_APPLICABLE'" it read every index entry of the tenant (3 times as long at 1.5 million items).
        Query query = em.createNativeQuery("select " + sums + " from instance_item it"
                + " where it.tenant_id = :tenant and it.status in " + COUNTED_STATUSES + " and " + WorkSql.COUNTED + " and it.due_at < :last"
                + " and (it.completed_at is null or it.completed_at > :first)");
        query.setParameter("tenant", TenantContext.requireTenantId());
        query.setParameter("first", ends.getFirst());
        query.setParameter("last", ends.getLast());
        for (int w = 0; w < ends.size(); w++) {
            query.setParameter("t" + w, ends.get(w));
        }
        Object single = query.getSingleResult();
        Object[] values = ends.size() == 1 ? new Object[] {single} : (Object[]) single;
        List<Long> counts = new ArrayList<>();
        for (Object value : values) {
            counts.add(value == null ? 0 : ((Number) value).longValue());
        }
        return counts;
    }

    /** Template versions by how often they are applied, most used first. */
    public List<TemplateAdoption> templatesInUse() {
        // Grouped by template and version (a version has one name) in the order of
        // ix_instance_tenant_template_usage, which holds every column read (changeset 0060).
        List<?> results = em.createNativeQuery("""
                        select g.template_name, g.version_number, g.instances, g.projects,
                               case when g.version_number < l.latest_number then 1 else 0 end as behind
                          from (select i.template_id, i.version_number, min(i.template_name) as template_name, count(*) as instances,
                                       count(distinct i.project_id) as projects
                                  from project_instance i
                                 where i.tenant_id = :tenant
                                 group by i.template_id, i.version_number) g
                          left join (%s) l on l.template_id = g.template_id
                         order by g.instances desc, g.template_name, g.version_number desc""".formatted(TemplateSql.LATEST_PUBLISHED))
                .setParameter("tenant", TenantContext.requireTenantId()).getResultList();
        List<TemplateAdoption> usage = new ArrayList<>();
        for (Object result : results) {
            Object[] r = (Object[]) result;
            usage.add(new TemplateAdoption((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).intValue() > 0));
        }
        return usage;
    }
}
