package app.cadence.work.domain;

import app.cadence.project.domain.ProjectSql;
import app.cadence.template.domain.TemplateKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code project_rollup} table: per project, the item counts the portfolio shows, changed
 * by increments in the transaction that changes the items. Native SQL, so every statement
 * carries the tenant predicate by hand (DESIGN.md).
 */
@Component
public class ProjectRollups {

    /** The counts of a set of items, in {@link RollupCounts} order; the caller adds the from/where. */
    private static final String COUNTS = """
            coalesce(sum(case when it.id is not null then 1 else 0 end), 0),
            coalesce(sum(case when it.status = 'DONE' and it.due_at is not null then 1 else 0 end), 0),
            coalesce(sum(case when it.status = 'BLOCKED' then 1 else 0 end), 0),
            coalesce(sum(case when it.status = 'BLOCKED' and it.critical_path = true then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'CUTOVER' then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'CUTOVER' and it.status = 'DONE' then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'COMMUNICATION_PLAN' then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'COMMUNICATION_PLAN' and it.status = 'DONE' then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'RETROSPECTIVE' then 1 else 0 end), 0),
            coalesce(sum(case when it.instance_kind = 'RETROSPECTIVE' and it.status = 'DONE' then 1 else 0 end), 0)""";

    private static final String COLUMNS = "items, done_dated, blocked, blocked_critical, cut_items, cut_done, com_items, com_done, ret_items, ret_done";

    private final EntityManager em;

    ProjectRollups(EntityManager em) {
        this.em = em;
    }

    /** A new project starts with nothing to count. */
    public void create(Long tenantId, Long projectId) {
        em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ") values (:tenant, :project, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)")
                .setParameter("tenant", tenantId).setParameter("project", projectId).executeUpdate();
    }

    /**
     * Adds a change to a project's counts. One atomic update, so two people changing items of
     * the same project at once both count: the second waits for the first's row lock.
     */
    public void add(Long tenantId, Long projectId, RollupCounts delta, Instant changedAt) {
        Query update = em.createNativeQuery("""
                update project_rollup
                   set items = items + :items, done_dated = done_dated + :doneDated, blocked = blocked + :blocked,
                       blocked_critical = blocked_critical + :blockedCritical,
                       cut_items = cut_items + :cutItems, cut_done = cut_done + :cutDone,
                       com_items = com_items + :comItems, com_done = com_done + :comDone,
                       ret_items = ret_items + :retItems, ret_done = ret_done + :retDone,
                       last_item_update = case when last_item_update is null or last_item_update < :changedAt
                                               then :changedAt else last_item_update end
                 where tenant_id = :tenant and project_id = :project""");
        bind(update, delta).setParameter("changedAt", changedAt).setParameter("tenant", tenantId).setParameter("project", projectId);
        if (update.executeUpdate() == 0) {
            // Only a project created before its row could exist lacks one; the row is rebuilt from its items.
            em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ", last_item_update)"
                            + " select p.tenant_id, p.project_id, " + COUNTS + ", max(it.updated_at) from (" + ProjectSql.PROJECTS + ") p"
                            + " left join instance_item it on it.tenant_id = :tenant and it.project_id = p.project_id and it.status <> 'NOT_APPLICABLE' and " + WorkSql.COUNTED + ""
                            + " where p.project_id = :project group by p.tenant_id, p.project_id")
                    .setParameter("tenant", tenantId).setParameter("project", projectId).executeUpdate();
        }
    }

    /**
     * What an instance's items add to their project, to take away before deleting the instance.
     * A locking read, so that it sees (and holds) the items as they are committed now, not as
     * this transaction's snapshot saw them; an item changed meanwhile is then counted right.
     */
    public RollupCounts countsOfInstance(Long tenantId, Long instanceId) {
        List<?> rows = em.createNativeQuery("select it.status, it.due_at, it.critical_path, it.instance_kind from instance_item it"
                        + " where it.tenant_id = :tenant and it.instance_id = :instance and " + WorkSql.COUNTED + " for update")
                .setParameter("tenant", tenantId).setParameter("instance", instanceId).getResultList();
        RollupCounts sum = RollupCounts.NONE;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            sum = sum.plus(RollupCounts.of(ItemStatus.valueOf((String) r[0]), r[1] != null, Boolean.TRUE.equals(bool(r[2])),
                    TemplateKind.valueOf((String) r[3])));
        }
        return sum;
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    public void delete(Long tenantId, Long projectId) {
        em.createNativeQuery("delete from project_rollup where tenant_id = :tenant and project_id = :project")
                .setParameter("tenant", tenantId).setParameter("project", projectId).executeUpdate();
    }

    /** Every project's counts as stored, for checking them against {@link #countedFromItems}. */
    public Map<Long, RollupCounts> stored(Long tenantId) {
        return byProject(em.createNativeQuery("select project_id, " + COLUMNS + " from project_rollup where tenant_id = :tenant")
                .setParameter("tenant", tenantId).getResultList());
    }

    /** Every project's counts as its items say now: the truth the stored rows must match. */
    public Map<Long, RollupCounts> countedFromItems(Long tenantId) {
        return byProject(em.createNativeQuery("select p.project_id, " + COUNTS + " from (" + ProjectSql.PROJECTS + ") p"
                        + " left join instance_item it on it.tenant_id = :tenant and it.project_id = p.project_id and it.status <> 'NOT_APPLICABLE' and " + WorkSql.COUNTED + ""
                        + " group by p.project_id")
                .setParameter("tenant", tenantId).getResultList());
    }

    /**
     * Recounts a tenant's rows from its items: after a bulk load that bypasses the services (the
     * benchmark's data generator) or to repair counts. Not for concurrent use with item changes.
     */
    public int rebuild(Long tenantId) {
        em.createNativeQuery("delete from project_rollup where tenant_id = :tenant").setParameter("tenant", tenantId).executeUpdate();
        return em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ", last_item_update)"
                        + " select p.tenant_id, p.project_id, " + COUNTS + ", max(it.updated_at) from (" + ProjectSql.PROJECTS + ") p"
                        + " left join instance_item it on it.tenant_id = :tenant and it.project_id = p.project_id and it.status <> 'NOT_APPLICABLE' and " + WorkSql.COUNTED + ""
                        + " group by p.tenant_id, p.project_id")
                .setParameter("tenant", tenantId).executeUpdate();
    }

    private static Query bind(Query q, RollupCounts d) {
        return q.setParameter("items", d.items()).setParameter("doneDated", d.doneDated()).setParameter("blocked", d.blocked())
                .setParameter("blockedCritical", d.blockedCritical())
                .setParameter("cutItems", d.cutoverItems()).setParameter("cutDone", d.cutoverDone())
                .setParameter("comItems", d.communicationItems()).setParameter("comDone", d.communicationDone())
                .setParameter("retItems", d.retrospectiveItems()).setParameter("retDone", d.retrospectiveDone());
    }

    private static Map<Long, RollupCounts> byProject(List<?> results) {
        Map<Long, RollupCounts> map = new HashMap<>();
        for (Object result : results) {
            Object[] r = (Object[]) result;
            map.put(((Number) r[0]).longValue(), counts(r, 1));
        }
        return map;
    }

    private static RollupCounts counts(Object[] r, int from) {
        long[] v = new long[10];
        for (int i = 0; i < 10; i++) {
            v[i] = r[from + i] == null ? 0 : ((Number) r[from + i]).longValue();
        }
        return new RollupCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }
}
