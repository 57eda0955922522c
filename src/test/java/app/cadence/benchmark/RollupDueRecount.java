package app.cadence.benchmark;

import app.cadence.work.domain.WorkSql;

/**
 * For the benchmarks that write a scratch database's items directly: counts a project's
 * time-dependent roll-up counts again from its items, as of the row's own checkpoint, as
 * {@code ProjectRollups} keeps them. One statement, so it holds the row's lock while it counts.
 * Rows the benchmarks insert start at {@link #CHECKPOINT}; the application's checkpoint job
 * moves them to the current hour.
 */
final class RollupDueRecount {

    static final String CHECKPOINT = "timestamp '2000-01-01 00:00:00'";

    private static final String ITEMS = "select count(*) from instance_item it where it.tenant_id = project_rollup.tenant_id"
            + " and it.project_id = project_rollup.project_id and " + WorkSql.COUNTED;

    /** Binds the project's id. */
    static final String SQL = "update project_rollup set"
            + " overdue_counted = (" + ITEMS + " and it.status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') and it.due_at < project_rollup.counted_at),"
            + " due_counted = (" + ITEMS + " and it.status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') and it.due_at <= project_rollup.counted_at),"
            + " done_later_counted = (" + ITEMS + " and it.status = 'DONE' and it.due_at > project_rollup.counted_at)"
            + " where project_id = ?";

    private RollupDueRecount() {
    }
}
