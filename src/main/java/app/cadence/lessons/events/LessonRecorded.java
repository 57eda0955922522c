package app.cadence.lessons.events;

import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A lesson was recorded. {@code sourceKind} and {@code sourceId} say where it came from (a
 * retrospective card, group or action; MANUAL for one entered on /lessons), so that the module it
 * came from can mark its card, group or action as recorded.
 */
public record LessonRecorded(Long tenantId, Long lessonId, @Nullable Long templateId, @Nullable Long projectId, String sourceKind,
                             @Nullable Long sourceId, ChangedBy changedBy, Instant at) {
}
