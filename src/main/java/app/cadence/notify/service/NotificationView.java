package app.cadence.notify.service;

import app.cadence.notify.domain.Notification;
import app.cadence.notify.domain.NotificationKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A notice as its recipient's screens show it. */
@org.springframework.modulith.NamedInterface("api")
public record NotificationView(Long id, NotificationKind kind, String title, @Nullable String body, @Nullable String link,
                               Instant createdAt, @Nullable Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }

    static NotificationView of(Notification n) {
        return new NotificationView(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getLink(), n.getCreatedAt(), n.getReadAt());
    }
}
