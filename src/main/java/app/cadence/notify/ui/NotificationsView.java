package app.cadence.notify.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Every notice of the signed-in person in this organisation, newest first, paged in the database. */
@Route("notifications")
@PageTitle("Notifications · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class NotificationsView extends VerticalLayout {

    private final transient Notifications notifications;
    private final Grid<NotificationView> grid = new Grid<>();
    private final Button markAll = new Button("Mark all as read", VaadinIcon.CHECK.create());

    NotificationsView(Notifications notifications, TenantSettings settings, Clock clock, LiveScreens live) {
        this.notifications = notifications;
        ZoneId zone = settings.zone();
        addClassName("notifications-view");
        setSizeFull();
        grid.addComponentColumn(n -> new NotificationEntry(n, clock.instant(), zone, this::open)).setHeader("Notification")
                .setKey("notification");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setEmptyStateText("No notifications yet.");
        grid.setPageSize(50);
        grid.setItems(query -> notifications.recent(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(notifications.count()));
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(e -> markAllRead());
        RouterLink settingsLink = new RouterLink("Settings", NotificationSettingsView.class);
        settingsLink.addClassName("notification-settings-link");
        HorizontalLayout header = new HorizontalLayout(new H2("Notifications"), markAll, settingsLink);
        header.setAlignItems(Alignment.BASELINE);
        add(header, grid);
        updateMarkAll();
        live.followIncludingOwnChanges(this, () -> List.of(Topic.MY_NOTIFICATIONS), changes -> {
            grid.getDataProvider().refreshAll();
            updateMarkAll();
        });
    }

    private void open(NotificationView notice) {
        if (NoticeOpening.open(notifications, notice) && notice.link() == null) {
            grid.getDataProvider().refreshAll(); // still here: show it read
            updateMarkAll();
        }
    }

    private void markAllRead() {
        try {
            int marked = notifications.markAllRead();
            UserMessages.showSuccess(marked == 1 ? "1 notification marked as read." : marked + " notifications marked as read.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        grid.getDataProvider().refreshAll();
        updateMarkAll();
    }

    private void updateMarkAll() {
        markAll.setEnabled(notifications.unreadCount() > 0);
    }
}
