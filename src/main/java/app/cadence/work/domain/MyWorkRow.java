package app.cadence.work.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the current user's outstanding items, with where it lives. */
@org.springframework.modulith.NamedInterface("api")
public record MyWorkRow(Long itemId, long itemVersion, String title, ItemStatus status, @Nullable Instant dueAt,
                        Long instanceId, String instanceName, Long projectId, String projectKey, String projectName,
                        boolean evidenceRequired, @Nullable String evidenceUrl) {
}
