package app.cadence.notify;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationPreferences;
import app.cadence.notify.ui.NotificationSettingsView;
import app.cadence.notify.ui.NotificationsView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification settings page: one choice per kind, saved with a confirmation, linked from the Notifications page. */
class NotificationSettingsViewTest extends KaribuTest {

    @Autowired NotificationPreferences preferences;
    @Autowired TenantScope scope;

    Tenant tenant;
    Member dev;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Settings page");
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
        login(dev.authentication());
    }

    @SuppressWarnings("unchecked")
    Select<EmailDelivery> choice(NotificationKind kind) {
        return _get(Select.class, spec -> spec.withId("delivery-" + kind.name().toLowerCase().replace('_', '-')));
    }

    @Test
    void aPersonChoosesPerKindAndSeesItSaved() {
        navigate("notifications");
        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withText("Settings")));
        assertThat(currentView()).isInstanceOf(NotificationSettingsView.class);
        assertThat(choice(NotificationKind.ITEM_ASSIGNED).getValue()).isEqualTo(EmailDelivery.IMMEDIATELY);
        assertThat(choice(NotificationKind.ITEM_ASSIGNED).getLabel()).isEqualTo("Item assigned to you");

        type(choice(NotificationKind.ITEM_ASSIGNED), EmailDelivery.DAILY_DIGEST);
        type(choice(NotificationKind.OVERDUE), EmailDelivery.OFF);
        _click(_get(Button.class, spec -> spec.withText("Save preferences")));

        NotificationsKt.expectNotifications("Your notification settings are saved (2 changes).");
        assertThat(scope.call(dev.userId(), dev.tenantId(), () -> preferences.mine()))
                .containsEntry(NotificationKind.ITEM_ASSIGNED, EmailDelivery.DAILY_DIGEST)
                .containsEntry(NotificationKind.OVERDUE, EmailDelivery.OFF)
                .containsEntry(NotificationKind.STEP_READY, EmailDelivery.IMMEDIATELY);

        // Opened again, the page shows what was saved.
        navigate("notifications");
        navigate("notifications/settings");
        assertThat(choice(NotificationKind.ITEM_ASSIGNED).getValue()).isEqualTo(EmailDelivery.DAILY_DIGEST);
        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withText("Back to notifications")));
        assertThat(currentView()).isInstanceOf(NotificationsView.class);
    }
}
