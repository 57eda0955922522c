package app.cadence.reporting.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.Set;

/**
 * A project's status report changed: a draft started, its summary saved, or the report published.
 * The project's Status reports section follows it (its own topic, so that the rest of the project
 * page, and whatever someone is typing there, is not redrawn).
 *
 * @param change DRAFT_STARTED, NARRATIVE or PUBLISHED
 */
public record StatusReportChanged(Long tenantId, Long reportId, Long projectId, String change, ChangedBy changedBy, Instant at)
        implements LiveChange {

    public static final String SUBJECT = "status-report";

    /** The topic of a project's status reports. */
    public static String topicOf(Long projectId) {
        return "status-reports:" + projectId;
    }

    @Override
    public LiveMessage toLiveMessage() {
        return new LiveMessage(tenantId, Set.of(topicOf(projectId)), SUBJECT, reportId, Set.of(change), changedBy.userId(),
                changedBy.displayName(), at, null);
    }
}
