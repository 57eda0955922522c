package app.cadence.notify;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.ChatWebhooks;
import app.cadence.notify.ui.ChatSettingsView;
import app.cadence.shell.AccessDeniedView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ADMIN's chat notifications page, with the real address check (no loopback): a refused
 * address is named on the field and nothing is saved; kinds are saved with a confirmation; the
 * saved address is shown masked; the chat outbox shows attempts and the last error.
 */
class ChatSettingsViewTest extends KaribuTest {

    @Autowired ChatWebhooks webhooks;
    @Autowired TenantScope scope;
    @Autowired JdbcTemplate jdbc;

    Tenant tenant;
    Member admin;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Chat page");
        admin = fixtures.member(tenant, Role.ADMIN);
    }

    @SuppressWarnings("unchecked")
    CheckboxGroup<NotificationKind> kinds() {
        return _get(CheckboxGroup.class);
    }

    @Test
    void aRefusedAddressIsNamedOnTheFieldAndNothingIsSaved() {
        login(admin.authentication());
        navigate("admin/notifications");
        assertThat(currentView()).isInstanceOf(ChatSettingsView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("chat-current-webhook")).getText()).isEqualTo("No webhook is set.");
        assertThat(_get(Button.class, spec -> spec.withText("Send test message")).isEnabled()).isFalse();

        PasswordField url = _get(PasswordField.class);
        type(url, "https://169.254.169.254/latest/meta-data");
        type(kinds(), Set.of(NotificationKind.OVERDUE));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("link-local");
        assertThat(url.getValue()).isEqualTo("https://169.254.169.254/latest/meta-data"); // what was typed is kept
        assertThat(scope.call(admin.userId(), admin.tenantId(), () -> webhooks.settings().hasWebhook())).isFalse();
    }

    @Test
    void theSavedAddressIsMaskedAndTheChatOutboxShowsAttemptsAndErrors() {
        // Saved as if it had resolved to a public address then; it leads to loopback now.
        scope.call(admin.userId(), admin.tenantId(), () -> webhooks.save(null, false, Set.of(), -1));
        jdbc.update("update chat_settings set webhook_url = ?, kinds = ? where tenant_id = ?",
                "https://127.0.0.1:9/services/T1/B2/topsecretpart", "OVERDUE", tenant.id());
        login(admin.authentication());
        navigate("admin/notifications");

        String shown = _get(Paragraph.class, spec -> spec.withClasses("chat-current-webhook")).getText();
        assertThat(shown).startsWith("Current webhook: https://127.0.0.1/services/").doesNotContain("topsecretpart");
        assertThat(kinds().getValue()).containsExactly(NotificationKind.OVERDUE);

        _click(_get(Button.class, spec -> spec.withText("Send test message")));
        NotificationsKt.expectNotifications("The test message was not posted: Cadence does not post to 127.0.0.1: it is a loopback address. "
                + "Use the public address your chat service gave you. It will be retried; see the chat outbox below.");
        @SuppressWarnings("unchecked")
        Grid<ChatWebhooks.MessageRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Failed, will retry", "1");
        assertThat(GridKt._get(grid, 0).lastError()).contains("loopback").doesNotContain("topsecretpart");

        // Kinds saved, address kept.
        type(kinds(), Set.of(NotificationKind.OVERDUE, NotificationKind.ITEM_ASSIGNED));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        NotificationsKt.expectNotifications("The chat settings are saved.");
        assertThat(scope.call(admin.userId(), admin.tenantId(), () -> webhooks.settings()).kinds())
                .containsExactlyInAnyOrder(NotificationKind.OVERDUE, NotificationKind.ITEM_ASSIGNED);
        _click(_get(Button.class, spec -> spec.withText("Remove webhook")));
        NotificationsKt.expectNotifications("The chat webhook is removed; nothing more is posted.");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("chat-current-webhook")).getText()).isEqualTo("No webhook is set.");
    }

    @Test
    void onlyAnAdminOpensThePage() {
        Member pmo = fixtures.member(tenant, Role.PMO);
        login(pmo.authentication());
        navigate("admin/notifications");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(ChatSettingsView.class);
    }
}
