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

    public static HealthFacts none() {
        return new HealthFacts(0, 0, 0, 0, 0, null, 0);
    }
}
