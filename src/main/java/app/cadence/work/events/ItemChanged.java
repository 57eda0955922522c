package app.cadence.work.events;

import app.cadence.tenancy.service.ChangedBy;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.work.domain.ItemField;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An item of an instance was worked: its status, assignee, due date, notes or evidence changed.
 * Published inside the transaction that made the change; open screens hear of it after commit.
 *
 * @param assignees who the item was assigned to before and after the change: their My work changes
 */
public record ItemChanged(Long tenantId, Long projectId, Long instanceId, Long itemId, Set<ItemField> changedFields,
                          Set<Long> assignees, ChangedBy changedBy, Instant at) implements LiveChange {

    public static final String SUBJECT = "item";

    public ItemChanged {
        changedFields = Set.copyOf(changedFields);
        assignees = Set.copyOf(assignees);
    }

    @Override
    public LiveMessage toLiveMessage() {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topic.instance(instanceId));
        topics.add(Topic.project(projectId));
        topics.add(Topic.PORTFOLIO);
        assignees.forEach(userId -> topics.add(Topic.myWork(userId)));
        return new LiveMessage(tenantId, topics, SUBJECT, itemId, changedFields.stream().map(Enum::name).collect(Collectors.toSet()),
                changedBy.userId(), changedBy.displayName(), at, null);
    }
}
