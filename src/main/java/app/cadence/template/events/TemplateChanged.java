package app.cadence.template.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A template of the library changed. Published inside the transaction that made the change; a
 * {@link Change#PUBLISHED} version is what projects applied from an older one will be offered
 * (template upgrades, C10).
 *
 * @param versionNumber the version published, for {@link Change#PUBLISHED}
 */
public record TemplateChanged(Long tenantId, Long templateId, Change change, @Nullable Integer versionNumber, ChangedBy changedBy,
                              Instant at) implements LiveChange {

    public static final String SUBJECT = "template";

    public enum Change {
        CREATED, DRAFT_STARTED, DRAFT_SAVED, DRAFT_DISCARDED, PUBLISHED, RETIRED, REACTIVATED,
        /** A change proposal raised from a lesson, accepted (into the draft, or a note acknowledged) or declined. */
        PROPOSAL_RAISED, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED
    }

    @Override
    public LiveMessage toLiveMessage() {
        return new LiveMessage(tenantId, Set.of(Topic.template(templateId), Topic.TEMPLATES), SUBJECT, templateId, Set.of(change.name()),
                changedBy.userId(), changedBy.displayName(), at, null);
    }
}
