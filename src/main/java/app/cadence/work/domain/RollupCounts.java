package app.cadence.work.domain;

import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What items add to their project's row in {@code project_rollup}: the counts that do not
 * depend on the time of day. Not-applicable items and rollback steps count for nothing. A change to an item is
 * applied as {@code after.minus(before)}, so concurrent changes to one project add up instead
 * of overwriting each other.
 *
 * <p>{@code dated} carries what the items add to the counts that do depend on the time
 * ({@link DueCounts}): how many outstanding and done items are due at each due date. Those counts
 * are stored as of the row's checkpoint, which only the row knows, so they are worked out when the
 * change is applied to it ({@link #dueAsOf}). Stored rows read back have no dated part.
 */
public record RollupCounts(long items, long doneDated, long blocked, long blockedCritical,
                           long cutoverItems, long cutoverDone, long communicationItems, long communicationDone,
                           long retrospectiveItems, long retrospectiveDone, Map<Dated, Long> dated) {

    public static final RollupCounts NONE = new RollupCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Items of one kind of status (outstanding or done) due at one time. */
    public record Dated(boolean done, Instant dueAt) {
    }

    public RollupCounts {
        dated = Map.copyOf(dated);
    }

    public RollupCounts(long items, long doneDated, long blocked, long blockedCritical, long cutoverItems, long cutoverDone,
                        long communicationItems, long communicationDone, long retrospectiveItems, long retrospectiveDone) {
        this(items, doneDated, blocked, blockedCritical, cutoverItems, cutoverDone, communicationItems, communicationDone,
                retrospectiveItems, retrospectiveDone, Map.of());
    }

    public static RollupCounts of(InstanceItem item) {
        if (item.getSectionRole() == SectionRole.ROLLBACK) {
            return NONE; // runs only if rollback is invoked: see WorkSql.COUNTED
        }
        return of(item.getStatus(), item.getDueAt(), item.isCriticalPath(), item.getInstanceKind());
    }

    static RollupCounts of(ItemStatus status, @Nullable Instant dueAt, boolean criticalPath, TemplateKind kind) {
        if (!status.countsTowardsProgress()) {
            return NONE;
        }
        boolean dated = dueAt != null;
        long done = status == ItemStatus.DONE ? 1 : 0;
        long blocked = status == ItemStatus.BLOCKED ? 1 : 0;
        Map<Dated, Long> due = dated ? Map.of(new Dated(status == ItemStatus.DONE, dueAt), 1L) : Map.of();
        return switch (kind) {
            case CUTOVER -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 1, done, 0, 0, 0, 0, due);
            case COMMUNICATION_PLAN -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 0, 0, 1, done, 0, 0, due);
            case RETROSPECTIVE -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 0, 0, 0, 0, 1, done, due);
        };
    }

    /** What these items add to the time-dependent counts taken at {@code at}. */
    public DueCounts dueAsOf(Instant at) {
        DueCounts sum = DueCounts.NONE;
        for (Map.Entry<Dated, Long> e : dated.entrySet()) {
            Dated d = e.getKey();
            sum = sum.plus(DueCounts.of(d.done() ? ItemStatus.DONE : ItemStatus.OPEN, d.dueAt(), at).times(e.getValue()));
        }
        return sum;
    }

    public RollupCounts plus(RollupCounts o) {
        Map<Dated, Long> due = new HashMap<>(dated);
        // An item whose status and due date did not change adds and takes away the same entry: none is left.
        o.dated.forEach((d, n) -> due.merge(d, n, (a, b) -> a + b == 0 ? null : a + b));
        return new RollupCounts(items + o.items, doneDated + o.doneDated, blocked + o.blocked, blockedCritical + o.blockedCritical,
                cutoverItems + o.cutoverItems, cutoverDone + o.cutoverDone, communicationItems + o.communicationItems,
                communicationDone + o.communicationDone, retrospectiveItems + o.retrospectiveItems, retrospectiveDone + o.retrospectiveDone,
                due);
    }

    public RollupCounts minus(@Nullable RollupCounts o) {
        return o == null ? this : plus(o.negated());
    }

    public RollupCounts negated() {
        Map<Dated, Long> due = new HashMap<>();
        dated.forEach((d, n) -> due.put(d, -n));
        return new RollupCounts(-items, -doneDated, -blocked, -blockedCritical, -cutoverItems, -cutoverDone,
                -communicationItems, -communicationDone, -retrospectiveItems, -retrospectiveDone, due);
    }

    public boolean isZero() {
        return equals(NONE);
    }

    /** The same counts without the dated part: as a stored row reads. */
    public RollupCounts undated() {
        return new RollupCounts(items, doneDated, blocked, blockedCritical, cutoverItems, cutoverDone, communicationItems,
                communicationDone, retrospectiveItems, retrospectiveDone);
    }
}
