package app.cadence.project.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A project was created, edited or deleted, its health set by hand, or a template applied to,
 * upgraded on or removed from it. Published inside the transaction that made the change.
 *
 * @param instanceId the instance applied, upgraded or removed, for those changes
 */
public record ProjectChanged(Long tenantId, Long projectId, Change change, @Nullable Long instanceId, ChangedBy changedBy,
                             Instant at) implements LiveChange {

    public static final String SUBJECT = "project";

    public enum Change {
        CREATED, DETAILS, HEALTH, DELETED, INSTANCE_APPLIED, INSTANCE_REMOVED,
        /** An instance now follows another version of its template (upgraded, or the upgrade undone). */
        INSTANCE_UPGRADED
    }

    @Override
    public LiveMessage toLiveMessage() {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topic.project(projectId));
        topics.add(Topic.PORTFOLIO);
        if (instanceId != null) {
            topics.add(Topic.instance(instanceId));
        }
        return new LiveMessage(tenantId, topics, SUBJECT, projectId, Set.of(change.name()), changedBy.userId(), changedBy.displayName(),
                at, null);
    }
}
