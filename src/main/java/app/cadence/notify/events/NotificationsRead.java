package app.cadence.notify.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.Set;

/**
 * A person read one of their notices ({@code notificationId}) or all of them (none): their other
 * open tabs update the unread count.
 */
public record NotificationsRead(Long tenantId, Long recipientId, @org.jspecify.annotations.Nullable Long notificationId,
                                ChangedBy readBy, Instant at) implements LiveChange {

    public static final String SUBJECT = "notifications-read";

    @Override
    public LiveMessage toLiveMessage() {
        return new LiveMessage(tenantId, Set.of(Topic.notifications(recipientId)), SUBJECT,
                notificationId == null ? recipientId : notificationId, Set.of(notificationId == null ? "ALL" : "ONE"),
                readBy.userId(), readBy.displayName(), at, null);
    }
}
