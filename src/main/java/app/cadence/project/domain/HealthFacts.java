package app.cadence.project.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What the health rule looks at, counted over a project's items (not-applicable items and rollback
 * steps excluded): items already due, those of them still outstanding (overdue), blocked items,
 * blocked items on a cutover's critical path with the title of the first one, and the cutover
 * runbooks' items (none: no runbook applied).
 */
@NamedInterface("api")
public record HealthFacts(long items, long dueItems, long overdueItems, long blockedItems,
                          long blockedOnCriticalPath, @Nullable String firstBlockedOnCriticalPath, long cutoverItems) {

    /** These facts and a project's action items: they count as items, due once their day has passed, overdue while still open. */
    public HealthFacts withActions(long actions, long dueActions, long overdueActions) {
        return new HealthFacts(items + actions, dueItems + dueActions, overdueItems + overdueActions, blockedItems, blockedOnCriticalPath,
                firstBlockedOnCriticalPath, cutoverItems);
    }

    public static HealthFacts none() {
        return new HealthFacts(0, 0, 0, 0, 0, null, 0);
    }
}
