package app.cadence.work.domain;

import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateKind;
import org.jspecify.annotations.Nullable;

/**
 * What items add to their project's row in {@code project_rollup}: the counts that do not
 * depend on the time of day. Not-applicable items and rollback steps count for nothing. A change to an item is
 * applied as {@code after.minus(before)}, so concurrent changes to one project add up instead
 * of overwriting each other.
 */
public record RollupCounts(long items, long doneDated, long blocked, long blockedCritical,
                           long cutoverItems, long cutoverDone, long communicationItems, long communicationDone,
                           long retrospectiveItems, long retrospectiveDone) {

    public static final RollupCounts NONE = new RollupCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static RollupCounts of(InstanceItem item) {
        if (item.getSectionRole() == SectionRole.ROLLBACK) {
            return NONE; // runs only if rollback is invoked: see WorkSql.COUNTED
        }
        return of(item.getStatus(), item.getDueAt() != null, item.isCriticalPath(), item.getInstanceKind());
    }

    static RollupCounts of(ItemStatus status, boolean dated, boolean criticalPath, TemplateKind kind) {
        if (!status.countsTowardsProgress()) {
            return NONE;
        }
        long done = status == ItemStatus.DONE ? 1 : 0;
        long blocked = status == ItemStatus.BLOCKED ? 1 : 0;
        return switch (kind) {
            case CUTOVER -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 1, done, 0, 0, 0, 0);
            case COMMUNICATION_PLAN -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 0, 0, 1, done, 0, 0);
            case RETROSPECTIVE -> new RollupCounts(1, dated ? done : 0, blocked, criticalPath ? blocked : 0, 0, 0, 0, 0, 1, done);
        };
    }

    public RollupCounts plus(RollupCounts o) {
        return new RollupCounts(items + o.items, doneDated + o.doneDated, blocked + o.blocked, blockedCritical + o.blockedCritical,
                cutoverItems + o.cutoverItems, cutoverDone + o.cutoverDone, communicationItems + o.communicationItems,
                communicationDone + o.communicationDone, retrospectiveItems + o.retrospectiveItems, retrospectiveDone + o.retrospectiveDone);
    }

    public RollupCounts minus(@Nullable RollupCounts o) {
        return o == null ? this : plus(o.negated());
    }

    public RollupCounts negated() {
        return new RollupCounts(-items, -doneDated, -blocked, -blockedCritical, -cutoverItems, -cutoverDone,
                -communicationItems, -communicationDone, -retrospectiveItems, -retrospectiveDone);
    }

    public boolean isZero() {
        return equals(NONE);
    }
}
