package app.cadence.notify.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Scope;
import org.springframework.modulith.NamedInterface;

/**
 * The bell in the header: the signed-in person's unread count as a badge, kept current while the
 * page is open (it follows their notifications topic, including notices their own actions caused),
 * and on click a list of the latest notices. A fresh one per layout (prototype scope).
 * Hidden where no organisation is selected (a platform operator outside any).
 */
@NamedInterface("ui")
@SpringComponent
@Scope("prototype")
public class NotificationBell extends Div {

    /** How many notices the list shows; the Notifications page has them all. */
    static final int LIST_SIZE = 10;

    private final transient Notifications notifications;
    private final transient TenantSettings settings;
    private final transient Clock clock;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span badge = new Span();
    /**
     * Built on the first click: most pages are opened and left without looking at the list, and
     * every session would otherwise hold the popover's components (see docs/performance.md).
     */
    private @Nullable Popover popover;
    private final Div list = new Div();
    private final Button markAll = new Button("Mark all as read");

    NotificationBell(Notifications notifications, TenantSettings settings, Clock clock, LiveScreens live) {
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
        addClassName("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClassName("notification-bell-button");
        bell.addClickListener(e -> toggle());
        badge.addClassName("notification-badge");
        // The count is in the button's label for screen readers; the badge only shows it.
        badge.getElement().setAttribute("aria-hidden", "true");
        add(bell, badge);

        live.followIncludingOwnChanges(this, () -> List.of(Topic.MY_NOTIFICATIONS), changes -> {
            refresh();
            if (popover != null && popover.isOpened()) {
                showList();
            }
        });
    }

    /** Reads the unread count; called when the layout renders for a tenant and on every change. */
    public void refresh() {
        if (TenantContext.currentTenantId().isEmpty()) {
            setVisible(false);
            return;
        }
        setVisible(true);
        long unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : Long.toString(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread");
        markAll.setEnabled(unread > 0);
    }

    private void toggle() {
        if (popover != null && popover.isOpened()) {
            popover.close();
        } else {
            showList();
            popover().open();
        }
    }

    private Popover popover() {
        if (popover != null) {
            return popover;
        }
        Popover created = new Popover();
        created.setTarget(bell);
        created.setOpenOnClick(false); // opened by the server once the list is loaded
        created.setPosition(PopoverPosition.BOTTOM_END);
        created.setAriaLabel("Notifications");
        created.setAutofocus(true);
        created.addClassName("notification-popover");
        list.addClassName("notification-list");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        markAll.addClickListener(e -> markAllRead());
        RouterLink all = new RouterLink("See all notifications", NotificationsView.class);
        all.addClassName("notification-see-all");
        all.getElement().addEventListener("click", e -> created.close());
        Div footer = new Div(markAll, all);
        footer.addClassName("notification-footer");
        created.add(new H3("Notifications"), list, footer);
        created.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                list.removeAll(); // nothing kept in the session while closed
            }
        });
        popover = created;
        return created;
    }

    private void showList() {
        list.removeAll();
        List<NotificationView> recent = notifications.recent(0, LIST_SIZE);
        if (recent.isEmpty()) {
            Paragraph empty = new Paragraph("No notifications yet.");
            empty.addClassName("notification-empty");
            list.add(empty);
            return;
        }
        var now = clock.instant();
        var zone = settings.zone();
        recent.forEach(n -> list.add(new NotificationEntry(n, now, zone, this::open)));
    }

    private void open(NotificationView notice) {
        popover().close();
        NoticeOpening.open(notifications, notice);
        refresh();
    }

    private void markAllRead() {
        try {
            notifications.markAllRead();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        refresh();
        showList();
    }
}
