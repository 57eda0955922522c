package app.cadence.notify.ui;

import app.cadence.notify.service.NotificationView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * One notice in the bell's list and on the Notifications page: its title is a button (reached with
 * Tab, opened with Enter), unread ones in bold, with the body and how long ago it came.
 */
class NotificationEntry extends Div {

    NotificationEntry(NotificationView notice, Instant now, ZoneId zone, Consumer<NotificationView> open) {
        addClassName("notification-entry");
        if (!notice.isRead()) {
            addClassName("unread");
        }
        Button title = new Button(notice.title(), e -> open.accept(notice));
        title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        title.addClassName("notification-title");
        title.setAriaLabel((notice.isRead() ? "" : "Unread: ") + notice.title());
        add(title);
        if (notice.body() != null) {
            Span body = new Span(notice.body());
            body.addClassName("notification-body");
            add(body);
        }
        Span when = new Span(notice.kind().label() + " · " + RelativeTime.of(notice.createdAt(), now, zone));
        when.addClassName("notification-time");
        when.setTitle(RelativeTime.FULL.format(notice.createdAt().atZone(zone)));
        add(when);
    }
}
