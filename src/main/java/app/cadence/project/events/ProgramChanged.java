package app.cadence.project.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.Set;

/** A program was created, renamed or described, or deleted. Published inside the transaction that made the change. */
public record ProgramChanged(Long tenantId, Long programId, Change change, ChangedBy changedBy, Instant at) implements LiveChange {

    public static final String SUBJECT = "program";

    public enum Change {
        CREATED, DETAILS, DELETED
    }

    /** The portfolio shows each project's program by name. */
    @Override
    public LiveMessage toLiveMessage() {
        return new LiveMessage(tenantId, Set.of(Topic.PORTFOLIO), SUBJECT, programId, Set.of(change.name()), changedBy.userId(),
                changedBy.displayName(), at, null);
    }
}
