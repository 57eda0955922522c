package app.cadence.comms.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * A project's communications changed: occurrences planned or re-planned, drafted, sent, skipped,
 * given to someone else, or a series edited. The project's Communications tab, the organisation's
 * agenda and the My work of the owners concerned follow it.
 *
 * @param change what happened: PLANNED, SERIES, DRAFTED, SENT, SKIPPED, REINSTATED, ASSIGNED
 * @param owners the people whose My work changed
 */
@NamedInterface("events")
public record CommsChanged(Long tenantId, Long projectId, String change, Set<Long> owners, ChangedBy changedBy, Instant at)
        implements LiveChange {

    public static final String SUBJECT = "comms";

    public CommsChanged {
        owners = Set.copyOf(owners);
    }

    @Override
    public LiveMessage toLiveMessage() {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topic.commsOf(projectId));
        topics.add(Topic.COMMS_AGENDA);
        owners.forEach(owner -> topics.add(Topic.myWork(owner)));
        return new LiveMessage(tenantId, topics, SUBJECT, projectId, Set.of(change), changedBy.userId(), changedBy.displayName(), at, null);
    }
}
