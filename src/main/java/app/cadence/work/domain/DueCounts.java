package app.cadence.work.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The counts of a project that depend on the time they are taken at: outstanding items overdue
 * (due before it) and due (due by it), and done items due later. {@code project_rollup} keeps them
 * as of a checkpoint ({@code counted_at}), so that the portfolio adds only the items due between
 * the checkpoint and now instead of reading every outstanding item of the tenant on each request.
 */
public record DueCounts(long overdue, long due, long doneLater) {

    public static final DueCounts NONE = new DueCounts(0, 0, 0);

    /** What one item counts as of {@code at}; rollback steps and not-applicable items are never passed here. */
    public static DueCounts of(ItemStatus status, @Nullable Instant dueAt, Instant at) {
        if (dueAt == null) {
            return NONE;
        }
        if (status == ItemStatus.DONE) {
            return dueAt.isAfter(at) ? new DueCounts(0, 0, 1) : NONE;
        }
        if (!status.isOutstanding()) {
            return NONE;
        }
        return new DueCounts(dueAt.isBefore(at) ? 1 : 0, dueAt.isAfter(at) ? 0 : 1, 0);
    }

    public DueCounts plus(DueCounts o) {
        return new DueCounts(overdue + o.overdue, due + o.due, doneLater + o.doneLater);
    }

    public DueCounts times(long n) {
        return new DueCounts(overdue * n, due * n, doneLater * n);
    }

    public DueCounts minus(DueCounts o) {
        return plus(o.times(-1));
    }

    public boolean isZero() {
        return equals(NONE);
    }
}
