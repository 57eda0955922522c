package app.cadence.work.domain;

import app.cadence.template.domain.TemplateSql;
import org.springframework.modulith.NamedInterface;

/**
 * The work module's tables ({@code instance_item}, {@code project_rollup}) as SQL that other
 * modules' native queries may embed — the portfolio reads a page of projects with their
 * roll-up in one statement — so that these tables are written only here. Each fragment names
 * the columns it promises and the parameters it binds ({@code :tenant}, {@code :now}).
 */
@NamedInterface("api")
public final class WorkSql {

    private static final String OUTSTANDING = "('" + ItemStatus.OPEN + "', '" + ItemStatus.IN_PROGRESS + "', '" + ItemStatus.BLOCKED + "')";

    /**
     * The items that count towards progress, health and the roll-up, as a predicate on
     * {@code it}: not the rollback steps of a runbook, which run only if rollback is invoked (a
     * run's screen counts them then). Not-applicable items are left out separately, by status.
     */
    public static final String COUNTED = "(it.section_role is null or it.section_role <> 'ROLLBACK')";


    /**
     * Per project of the tenant, the counts kept by every item change: {@code project_id, items,
     * done_dated, blocked, blocked_critical, cut_items, cut_done, com_items, com_done, ret_items,
     * ret_done, last_item_update}. A project nothing was applied to has no row.
     */
    public static final String ROLLUPS = """
            select ru.project_id, ru.items, ru.done_dated, ru.blocked, ru.blocked_critical, ru.cut_items, ru.cut_done,
                   ru.com_items, ru.com_done, ru.ret_items, ru.ret_done, ru.last_item_update
              from project_rollup ru
             where ru.tenant_id = :tenant""";

    /**
     * Per project, the outstanding items due by {@code :now}: {@code project_id, overdue} (due
     * before now) and {@code outstanding_due}. With {@link #DONE_LATER_AS_OF_NOW}, the counts that
     * depend on the time. Each is one range of ix_item_tenant_status_due_cover (changeset 0058),
     * which holds every column they read, so neither touches the item table; the ranges hold few
     * items in a real portfolio, unlike the table. Two fragments, each grouped on its own: the two
     * ranges OR-ed in one WHERE made MariaDB read every index entry of the tenant (with the row
     * look-ups 0058 removed, 13 s at 1.5 million items), and a UNION ALL of them grouped once took
     * twice as long as two groupings.
     */
    public static final String OUTSTANDING_AS_OF_NOW = """
            select it.project_id as project_id, sum(case when it.due_at < :now then 1 else 0 end) as overdue, count(*) as outstanding_due
              from instance_item it
             where it.tenant_id = :tenant and it.status in %1$s and it.due_at <= :now and %2$s
             group by it.project_id""".formatted(OUTSTANDING, COUNTED);

    /** Per project, the done items due after {@code :now}: {@code project_id, done_later}. See {@link #OUTSTANDING_AS_OF_NOW}. */
    public static final String DONE_LATER_AS_OF_NOW = """
            select it.project_id as project_id, count(*) as done_later
              from instance_item it
             where it.tenant_id = :tenant and it.status = 'DONE' and it.due_at > :now and %1$s
             group by it.project_id""".formatted(COUNTED);

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
