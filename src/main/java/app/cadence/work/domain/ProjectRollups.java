package app.cadence.work.domain;

import app.cadence.project.domain.ProjectSql;
import app.cadence.template.domain.TemplateKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code project_rollup} table: per project, the item counts the portfolio shows, changed
 * by increments in the transaction that changes the items. Native SQL, so every statement
 * carries the tenant predicate by hand (DESIGN.md).
 *
 * <p>The counts that depend on the time ({@link DueCounts}) are kept as of the row's checkpoint,
 * {@code counted_at}, always the start of an hour: an item change adds its difference as of that
 * checkpoint, read under the row's lock, and {@link #advance} moves the checkpoint to a later hour
 * by adding what the items due in between change. A reader then adds only the items due between
 * the checkpoint and its own time ({@link WorkSql#DUE_SINCE_COUNTED}).
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

    /** The time-dependent counts of a set of items as of {@code :counted_at}, in {@link DueCounts} order. */
    private static final String DUE_COUNTS = """
            coalesce(sum(case when it.status in %1$s and it.due_at < :counted_at then 1 else 0 end), 0),
            coalesce(sum(case when it.status in %1$s and it.due_at <= :counted_at then 1 else 0 end), 0),
            coalesce(sum(case when it.status = 'DONE' and it.due_at > :counted_at then 1 else 0 end), 0)""".formatted(WorkSql.OUTSTANDING);

    private static final String COLUMNS = "items, done_dated, blocked, blocked_critical, cut_items, cut_done, com_items, com_done, ret_items, ret_done";

    private static final String DUE_COLUMNS = "counted_at, overdue_counted, due_counted, done_later_counted";

    /** A project's counts recounted from its items, the checkpoint bound as {@code :counted_at}. */
    private static final String RECOUNT = "select p.tenant_id, p.project_id, " + COUNTS + ", max(it.updated_at), :counted_at, " + DUE_COUNTS
            + " from (" + ProjectSql.PROJECTS + ") p"
            + " left join instance_item it on it.tenant_id = :tenant and it.project_id = p.project_id and it.status <> 'NOT_APPLICABLE' and " + WorkSql.COUNTED;

    /**
     * Where a tenant's checkpoints start before the first round of {@link #advance} has reached
     * them: a new tenant's, and every row counted by changeset 0059. Always correct (a page then reads
     * the items from then on), only slower.
     */
    static final Instant FIRST_CHECKPOINT = Instant.parse("2000-01-01T00:00:00Z");

    private final EntityManager em;
    private final Clock clock;

    ProjectRollups(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The checkpoint the time-dependent counts are kept as of, at {@code now}: the start of its hour. */
    public static Instant checkpointAt(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    /** A new project starts with nothing to count. */
    public void create(Long tenantId, Long projectId) {
        // Organisations opened by sign-up or the operator have the row from TenantCreated; one made
        // otherwise (demo data, tests) gets it with its first project.
        startTenant(tenantId);
        em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ", " + DUE_COLUMNS + ")"
                        + " values (:tenant, :project, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, :counted_at, 0, 0, 0)")
                .setParameter("tenant", tenantId).setParameter("project", projectId)
                .setParameter("counted_at", checkpointAt(clock.instant())).executeUpdate();
    }

    /**
     * A tenant's {@code rollup_checkpoint} row, which every page's statement joins, unless it has
     * one: its {@code counted_from} is never after any checkpoint of the tenant's rows.
     */
    public void startTenant(Long tenantId) {
        if (countedFrom(tenantId) == null) {
            em.createNativeQuery("insert into rollup_checkpoint (tenant_id, counted_from) values (:tenant, :from)")
                    .setParameter("tenant", tenantId).setParameter("from", FIRST_CHECKPOINT).executeUpdate();
        }
    }

    /**
     * Records that every row of the tenant is counted as of {@code to} or later, once
     * {@link #advance} has been through all of them: a page then reads the items due from there.
     * Rows created meanwhile start at the current hour, never before {@code to}.
     */
    public void moveCountedFrom(Long tenantId, Instant to) {
        int updated = em.createNativeQuery("update rollup_checkpoint set counted_from = :to where tenant_id = :tenant and counted_from < :to")
                .setParameter("to", to).setParameter("tenant", tenantId).executeUpdate();
        if (updated == 0) {
            startTenant(tenantId); // a tenant made before its row could be: counted from the first checkpoint until the next round
        }
    }

    /** Where the tenant's checkpoints start: what a page reads the items due from. */
    public @Nullable Instant countedFrom(Long tenantId) {
        List<?> at = instants(em.createNativeQuery("select counted_from from rollup_checkpoint where tenant_id = :tenant")
                .setParameter("tenant", tenantId), "counted_from").getResultList();
        return at.isEmpty() ? null : (Instant) at.get(0);
    }

    /**
     * Adds a change to a project's counts. One atomic update, so two people changing items of
     * the same project at once both count: the second waits for the first's row lock.
     */
    public void add(Long tenantId, Long projectId, RollupCounts delta, Instant changedAt) {
        DueCounts due = DueCounts.NONE;
        if (!delta.dated().isEmpty()) {
            // The row's lock, taken before reading its checkpoint, keeps advance() from moving it meanwhile.
            Instant countedAt = countedAtForUpdate(tenantId, projectId);
            due = countedAt == null ? DueCounts.NONE : delta.dueAsOf(countedAt);
        }
        Query update = em.createNativeQuery("""
                update project_rollup
                   set items = items + :items, done_dated = done_dated + :doneDated, blocked = blocked + :blocked,
                       blocked_critical = blocked_critical + :blockedCritical,
                       cut_items = cut_items + :cutItems, cut_done = cut_done + :cutDone,
                       com_items = com_items + :comItems, com_done = com_done + :comDone,
                       ret_items = ret_items + :retItems, ret_done = ret_done + :retDone,
                       overdue_counted = overdue_counted + :overdue, due_counted = due_counted + :due,
                       done_later_counted = done_later_counted + :doneLater,
                       last_item_update = case when last_item_update is null or last_item_update < :changedAt
                                               then :changedAt else last_item_update end
                 where tenant_id = :tenant and project_id = :project""");
        bind(update, delta).setParameter("overdue", due.overdue()).setParameter("due", due.due()).setParameter("doneLater", due.doneLater())
                .setParameter("changedAt", changedAt).setParameter("tenant", tenantId).setParameter("project", projectId);
        if (update.executeUpdate() == 0) {
            // Only a project created before its row could exist lacks one; the row is rebuilt from its items.
            em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ", last_item_update, " + DUE_COLUMNS + ") "
                            + RECOUNT + " where p.project_id = :project group by p.tenant_id, p.project_id")
                    .setParameter("tenant", tenantId).setParameter("project", projectId)
                    .setParameter("counted_at", checkpointAt(clock.instant())).executeUpdate();
        }
    }

    private @Nullable Instant countedAtForUpdate(Long tenantId, Long projectId) {
        List<?> at = instants(em.createNativeQuery("select counted_at from project_rollup where tenant_id = :tenant and project_id = :project for update")
                .setParameter("tenant", tenantId).setParameter("project", projectId), "counted_at").getResultList();
        return at.isEmpty() ? null : (Instant) at.get(0);
    }

    /**
     * Moves the checkpoint of up to {@code limit} of the tenant's projects, those after
     * {@code afterProjectId} in id order, to {@code to}: each row's time-dependent counts gain what
     * its items due between its checkpoint and {@code to} change. Rows already there are left. The
     * rows are locked first and the items read after, so the caller's transaction must read what is
     * committed (READ COMMITTED): an item change whose item is written but whose row is not yet is
     * counted by it later, against the new checkpoint; one that holds the row is waited for.
     * Returns the last project id of the batch, or null once there are none.
     */
    public @Nullable Long advance(Long tenantId, Instant to, long afterProjectId, int limit) {
        List<?> rows = em.createNativeQuery("select project_id, counted_at from project_rollup where tenant_id = :tenant and project_id > :after"
                        + " order by project_id limit " + Math.max(1, limit) + " for update")
                .unwrap(NativeQuery.class).addScalar("project_id", StandardBasicTypes.LONG).addScalar("counted_at", StandardBasicTypes.INSTANT)
                .setParameter("tenant", tenantId).setParameter("after", afterProjectId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Map<Long, Instant> behind = new HashMap<>();
        Instant from = to;
        long last = afterProjectId;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            last = (Long) r[0];
            Instant countedAt = (Instant) r[1];
            if (countedAt.isBefore(to)) {
                behind.put(last, countedAt);
                from = countedAt.isBefore(from) ? countedAt : from;
            }
        }
        if (behind.isEmpty()) {
            return last;
        }
        List<?> items = em.createNativeQuery("select it.project_id, it.status, it.due_at from instance_item it"
                        + " where it.tenant_id = :tenant and it.status in " + WorkSql.COUNTED_STATUSES + " and it.due_at >= :from and it.due_at <= :to"
                        + " and it.project_id > :after and it.project_id <= :last and " + WorkSql.COUNTED)
                .unwrap(NativeQuery.class).addScalar("project_id", StandardBasicTypes.LONG).addScalar("status", StandardBasicTypes.STRING)
                .addScalar("due_at", StandardBasicTypes.INSTANT)
                .setParameter("tenant", tenantId).setParameter("from", from).setParameter("to", to)
                .setParameter("after", afterProjectId).setParameter("last", last).getResultList();
        Map<Long, DueCounts> shifts = new HashMap<>();
        for (Object item : items) {
            Object[] r = (Object[]) item;
            Instant countedAt = behind.get((Long) r[0]);
            if (countedAt != null) {
                ItemStatus status = ItemStatus.valueOf((String) r[1]);
                Instant dueAt = (Instant) r[2];
                shifts.merge((Long) r[0], DueCounts.of(status, dueAt, to).minus(DueCounts.of(status, dueAt, countedAt)), DueCounts::plus);
            }
        }
        for (Map.Entry<Long, DueCounts> shift : shifts.entrySet()) {
            if (!shift.getValue().isZero()) {
                em.createNativeQuery("update project_rollup set overdue_counted = overdue_counted + :overdue, due_counted = due_counted + :due,"
                                + " done_later_counted = done_later_counted + :doneLater where tenant_id = :tenant and project_id = :project")
                        .setParameter("overdue", shift.getValue().overdue()).setParameter("due", shift.getValue().due())
                        .setParameter("doneLater", shift.getValue().doneLater())
                        .setParameter("tenant", tenantId).setParameter("project", shift.getKey()).executeUpdate();
            }
        }
        em.createNativeQuery("update project_rollup set counted_at = :to where tenant_id = :tenant and project_id > :after and project_id <= :last"
                        + " and counted_at < :to")
                .setParameter("to", to).setParameter("tenant", tenantId).setParameter("after", afterProjectId).setParameter("last", last)
                .executeUpdate();
        return last;
    }

    /** The tenants with a checkpoint before {@code to}, of a row or of the tenant: those {@link #advance} and {@link #moveCountedFrom} have work for. */
    public List<Long> tenantsBehind(Instant to) {
        List<Long> tenants = new ArrayList<>();
        for (Object id : em.createNativeQuery("select tenant_id from rollup_checkpoint where counted_from < :to"
                        + " union select tenant_id from project_rollup where counted_at < :to")
                .setParameter("to", to).getResultList()) {
            tenants.add(((Number) id).longValue());
        }
        return tenants;
    }

    /** Every project's time-dependent counts as stored, each as of its checkpoint. */
    public Map<Long, DueCounts> storedDue(Long tenantId) {
        return dueByProject(em.createNativeQuery("select project_id, overdue_counted, due_counted, done_later_counted from project_rollup"
                + " where tenant_id = :tenant").setParameter("tenant", tenantId).getResultList());
    }

    /** Every project's time-dependent counts as its items say, each as of the row's checkpoint: what {@link #storedDue} must match. */
    public Map<Long, DueCounts> dueCountedFromItems(Long tenantId) {
        return dueByProject(em.createNativeQuery("select ru.project_id, " + DUE_COUNTS.replace(":counted_at", "ru.counted_at")
                        + " from project_rollup ru"
                        + " left join instance_item it on it.tenant_id = :tenant and it.project_id = ru.project_id and " + WorkSql.COUNTED
                        + " where ru.tenant_id = :tenant group by ru.project_id")
                .setParameter("tenant", tenantId).getResultList());
    }

    private static Map<Long, DueCounts> dueByProject(List<?> results) {
        Map<Long, DueCounts> map = new HashMap<>();
        for (Object result : results) {
            Object[] r = (Object[]) result;
            map.put(((Number) r[0]).longValue(), new DueCounts(((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        return map;
    }

    private static NativeQuery<?> instants(Query query, String column) {
        return query.unwrap(NativeQuery.class).addScalar(column, StandardBasicTypes.INSTANT);
    }

    /**
     * What an instance's items add to their project, to take away before deleting the instance.
     * A locking read, so that it sees (and holds) the items as they are committed now, not as
     * this transaction's snapshot saw them; an item changed meanwhile is then counted right.
     */
    public RollupCounts countsOfInstance(Long tenantId, Long instanceId) {
        List<?> rows = em.createNativeQuery("select it.status, it.due_at, it.critical_path, it.instance_kind from instance_item it"
                        + " where it.tenant_id = :tenant and it.instance_id = :instance and " + WorkSql.COUNTED + " for update")
                .unwrap(NativeQuery.class).addScalar("status", StandardBasicTypes.STRING).addScalar("due_at", StandardBasicTypes.INSTANT)
                .addScalar("critical_path", StandardBasicTypes.BOOLEAN).addScalar("instance_kind", StandardBasicTypes.STRING)
                .setParameter("tenant", tenantId).setParameter("instance", instanceId).getResultList();
        RollupCounts sum = RollupCounts.NONE;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            sum = sum.plus(RollupCounts.of(ItemStatus.valueOf((String) r[0]), (Instant) r[1], Boolean.TRUE.equals(r[2]),
                    TemplateKind.valueOf((String) r[3])));
        }
        return sum;
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
        int rows = em.createNativeQuery("insert into project_rollup (tenant_id, project_id, " + COLUMNS + ", last_item_update, " + DUE_COLUMNS + ") "
                        + RECOUNT + " group by p.tenant_id, p.project_id")
                .setParameter("tenant", tenantId).setParameter("counted_at", checkpointAt(clock.instant())).executeUpdate();
        return rows;
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
