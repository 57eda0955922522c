package app.cadence.work.domain;

import app.cadence.template.domain.TemplateSql;
import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/**
 * The work module's tables ({@code instance_item}, {@code project_rollup}) as SQL that other
 * modules' native queries may embed — the portfolio reads a page of projects with their
 * roll-up in one statement — so that these tables are written only here. Each fragment names
 * the columns it promises and the parameters it binds ({@code :tenant}, {@code :now}).
 */
@NamedInterface("api")
public final class WorkSql {

    static final String OUTSTANDING = "('" + ItemStatus.OPEN + "', '" + ItemStatus.IN_PROGRESS + "', '" + ItemStatus.BLOCKED + "')";

    /** The statuses whose items count towards the time-dependent counts: outstanding and done. */
    static final String COUNTED_STATUSES = "('" + ItemStatus.OPEN + "', '" + ItemStatus.IN_PROGRESS + "', '" + ItemStatus.BLOCKED
            + "', '" + ItemStatus.DONE + "')";

    /**
     * The items that count towards progress, health and the roll-up, as a predicate on
     * {@code it}: not the rollback steps of a runbook, which run only if rollback is invoked (a
     * run's screen counts them then). Not-applicable items are left out separately, by status.
     */
    public static final String COUNTED = "(it.section_role is null or it.section_role <> 'ROLLBACK')";


    /**
     * Per project of the tenant, the counts kept by every item change: {@code project_id, items,
     * done_dated, blocked, blocked_critical, cut_items, cut_done, com_items, com_done, ret_items,
     * ret_done, last_item_update}, and the time-dependent counts as of the row's checkpoint
     * {@code counted_at}: {@code overdue_counted, due_counted, done_later_counted} (see
     * {@link DueCounts}; {@link #DUE_SINCE_COUNTED} brings them to now). A project nothing was
     * applied to counts zero everywhere.
     */
    public static final String ROLLUPS = """
            select ru.project_id, ru.items, ru.done_dated, ru.blocked, ru.blocked_critical, ru.cut_items, ru.cut_done,
                   ru.com_items, ru.com_done, ru.ret_items, ru.ret_done, ru.last_item_update,
                   ru.overdue_counted, ru.due_counted, ru.done_later_counted
              from project_rollup ru
             where ru.tenant_id = :tenant""";

    /**
     * How far past now {@link #DUE_SINCE_COUNTED} reads due dates: a checkpoint written by a node
     * whose clock is a little ahead may lie after this node's now, and then its items due between
     * now and the checkpoint are taken away instead of added.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    /**
     * Per project, what the items due between its checkpoint and {@code :now} change in its
     * time-dependent counts: {@code project_id, overdue, due, done_later}, each to be added to the
     * {@code _counted} column of {@link #ROLLUPS}; {@code :counted_to} is now plus
     * {@link #CLOCK_SKEW}. The due dates read start at the tenant's {@code rollup_checkpoint}
     * (never after any row's checkpoint), joined by its key, so that MariaDB reads it before
     * planning and bounds one range of ix_item_tenant_status_due_cover (changeset 0058) with it:
     * the hour or so of items since the checkpoint — a few hundred index entries at 10,000 projects
     * instead of the 150,000 outstanding-by-now and done-later ones the page read before changeset
     * 0059 — joined to each project's row by its key. (The earliest checkpoint as a scalar subquery
     * instead made MariaDB give up the range: 4 s.)
     */
    public static final String DUE_SINCE_COUNTED = dueSinceCounted("");

    /**
     * {@link #DUE_SINCE_COUNTED} for H2, which evaluates a derived table once for each row it is
     * joined to, with the joined column bound: read through the project's index. Left to choose,
     * H2 takes ix_item_tenant_status_due_cover, which it cannot narrow by project (its IN list of
     * statuses comes second), and reads every item of the tenant for each project: at 106 projects
     * of 42 items a portfolio count took 23 ms, 3 ms with this index (20–45 ms and 5–11 ms while
     * items are being changed). Not for MariaDB, which reads the derived table once, by due date.
     */
    public static final String DUE_SINCE_COUNTED_PER_PROJECT = dueSinceCounted(" use index (ix_item_tenant_project_status)");

    private static String dueSinceCounted(String indexHint) {
        return """
            select it.project_id as project_id,
                   sum(case when it.status = 'DONE' then 0
                            when it.due_at >= ru.counted_at and it.due_at < :now then 1
                            when it.due_at >= :now and it.due_at < ru.counted_at then -1 else 0 end) as overdue,
                   sum(case when it.status = 'DONE' then 0
                            when it.due_at > ru.counted_at and it.due_at <= :now then 1
                            when it.due_at > :now and it.due_at <= ru.counted_at then -1 else 0 end) as due,
                   sum(case when it.status <> 'DONE' then 0
                            when it.due_at > ru.counted_at and it.due_at <= :now then -1
                            when it.due_at > :now and it.due_at <= ru.counted_at then 1 else 0 end) as done_later
              from instance_item it%3$s
              join rollup_checkpoint cp on cp.tenant_id = :tenant
              join project_rollup ru on ru.tenant_id = :tenant and ru.project_id = it.project_id
             where it.tenant_id = :tenant and it.status in %1$s and it.due_at >= cp.counted_from and it.due_at <= :counted_to and %2$s
             group by it.project_id""".formatted(COUNTED_STATUSES, COUNTED, indexHint);
    }

    /**
     * {@code project_id, instance_id}: the instances of the tenant bound to {@code :tenant} that
     * follow an older version than their template's latest published one — template drift.
     */
    public static final String INSTANCES_BEHIND = """
            select i.project_id, i.id as instance_id
              from project_instance i
              join (%s) l on l.template_id = i.template_id
             where i.tenant_id = :tenant and i.version_number < l.latest_number""".formatted(TemplateSql.LATEST_PUBLISHED);

    private WorkSql() {
    }

    /**
     * A scalar subquery: the title of the first blocked step on a critical path, by due date, of
     * the project whose id is in {@code projectIdColumn} (a column of the caller's query, never
     * user input). The index is named because MariaDB otherwise plans the ORDER BY … LIMIT 1 as
     * a scan of the tenant's items (20 s at 150,000 items instead of 40 ms).
     */
    public static String firstBlockedCriticalStepOf(String projectIdColumn) {
        return """
                (select it2.title from instance_item it2 use index (ix_item_tenant_project_status)
                  where it2.tenant_id = :tenant and it2.project_id = %s
                    and it2.status = 'BLOCKED' and it2.critical_path = true
                    and (it2.section_role is null or it2.section_role <> 'ROLLBACK')
                  order by it2.due_at, it2.id limit 1)""".formatted(projectIdColumn);
    }
}
