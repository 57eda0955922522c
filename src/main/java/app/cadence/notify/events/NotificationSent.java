package app.cadence.notify.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.Set;

/** A notice was stored for one person: their open screens (the header's bell) show it after commit. */
public record NotificationSent(Long tenantId, Long notificationId, Long recipientId, NotificationKind kind, ChangedBy sentBy,
                               Instant at) implements LiveChange {

    public static final String SUBJECT = "notification";

    @Override
    public LiveMessage toLiveMessage() {
        return new LiveMessage(tenantId, Set.of(Topic.notifications(recipientId)), SUBJECT, notificationId, Set.of(kind.name()),
                sentBy.userId(), sentBy.displayName(), at, null);
    }
}
