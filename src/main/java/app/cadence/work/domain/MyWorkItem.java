package app.cadence.work.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the current user's outstanding items as the work module stores it; the project's key and name come from the project module. */
public record MyWorkItem(Long itemId, long itemVersion, String title, ItemStatus status, @Nullable Instant dueAt,
                         Long instanceId, String instanceName, Long projectId, boolean evidenceRequired,
                         @Nullable String evidenceUrl) {

    public MyWorkRow in(String projectKey, String projectName) {
        return new MyWorkRow(itemId, itemVersion, title, status, dueAt, instanceId, instanceName, projectId, projectKey,
                projectName, evidenceRequired, evidenceUrl);
    }
}
