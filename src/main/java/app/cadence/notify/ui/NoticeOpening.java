package app.cadence.notify.ui;

import app.cadence.notify.domain.InAppLink;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/** What opening a notice does, from the bell or the page: mark it read, then go where it leads. */
final class NoticeOpening {

    private NoticeOpening() {
    }

    /** Whether the notice was marked read (it may have gone, e.g. the person left the organisation). */
    static boolean open(Notifications notifications, NotificationView notice) {
        try {
            notifications.markRead(notice.id());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return false;
        }
        String link = notice.link();
        if (link != null) {
            UI.getCurrent().navigate(InAppLink.path(link), QueryParameters.fromString(InAppLink.query(link)));
        }
        return true;
    }
}
