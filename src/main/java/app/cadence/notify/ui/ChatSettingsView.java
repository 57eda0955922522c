package app.cadence.notify.ui;

import app.cadence.notify.domain.ChatMessageStatus;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.ChatWebhooks;
import app.cadence.notify.service.ChatWebhooks.MessageRow;
import app.cadence.notify.service.ChatWebhooks.Settings;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's chat webhook (Slack or Microsoft Teams): the address, shown masked once
 * saved; which kinds of notification are posted; a test message; and the chat outbox with each
 * message's attempts, next attempt and last error.
 */
@Route("admin/notifications")
@Menu(order = 8.5, icon = "vaadin:comments", title = "Chat notifications")
@PageTitle("Chat notifications · Cadence")
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class ChatSettingsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.UK);

    private final transient ChatWebhooks webhooks;
    private final ZoneId zone;
    private final Paragraph current = new Paragraph();
    private final PasswordField url = new PasswordField("New webhook address");
    private final CheckboxGroup<NotificationKind> kinds = new CheckboxGroup<>("Kinds posted to the channel");
    private final Button save = new Button("Save");
    private final Button test = new Button("Send test message");
    private final Button remove = new Button("Remove webhook");
    private final Grid<MessageRow> grid = new Grid<>();
    private long version;

    ChatSettingsView(ChatWebhooks webhooks, TenantSettings settings) {
        this.webhooks = webhooks;
        this.zone = settings.zone();
        addClassName("chat-settings-view");
        current.addClassName("chat-current-webhook");
        url.setWidthFull();
        url.setMaxWidth("48em");
        url.setPlaceholder("https://hooks.slack.com/services/…");
        url.setHelperText("An incoming-webhook address from Slack or Microsoft Teams (https, public host). "
                + "Leave empty to keep the current one. Saved addresses are never shown again in full.");
        url.setRevealButtonVisible(false);
        kinds.setItems(NotificationKind.values());
        kinds.setItemLabelGenerator(NotificationKind::label);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(false));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(e -> save(true));
        test.addClickListener(e -> sendTest());
        grid.addColumn(m -> format(m.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.kind().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(MessageRow::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.status() == ChatMessageStatus.SENT ? format(m.sentAt()) : format(m.nextAttemptAt()))
                .setHeader("Posted / next attempt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Last error").setFlexGrow(1).setKey("error");
        grid.addColumn(MessageRow::text).setHeader("Message").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No chat messages yet.");
        grid.setItems(q -> webhooks.messages(q.getOffset(), q.getLimit()).stream(), q -> Math.toIntExact(webhooks.countMessages()));
        add(new H2("Chat notifications"),
                new Paragraph("Post notifications of the chosen kinds to a Slack or Microsoft Teams channel through its incoming webhook. "
                        + "Each person's own email choices are not affected."),
                current, url, kinds, new HorizontalLayout(save, test, remove), new H3("Chat outbox"), grid);
        show(webhooks.settings());
    }

    private void show(Settings settings) {
        version = settings.version();
        current.setText(settings.hasWebhook() ? "Current webhook: " + settings.maskedUrl() : "No webhook is set.");
        kinds.setValue(settings.kinds());
        url.clear();
        url.setInvalid(false);
        test.setEnabled(settings.hasWebhook());
        remove.setEnabled(settings.hasWebhook());
    }

    private void save(boolean removeWebhook) {
        Set<NotificationKind> chosen = removeWebhook ? Set.of() : kinds.getValue();
        try {
            show(webhooks.save(removeWebhook ? null : url.getValue(), removeWebhook, chosen, version));
            UserMessages.showSuccess(removeWebhook ? "The chat webhook is removed; nothing more is posted."
                    : "The chat settings are saved.");
        } catch (RuleViolationException e) {
            if ("webhookUrl".equals(e.field())) {
                url.setErrorMessage(e.getMessage());
                url.setInvalid(true);
            }
            UserMessages.showError(e);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void sendTest() {
        try {
            MessageRow row = webhooks.sendTest();
            if (row.status() == ChatMessageStatus.SENT) {
                UserMessages.showSuccess("The test message was posted. Check the channel.");
            } else {
                UserMessages.showError(new RuleViolationException(null, "The test message was not posted: " + row.lastError()
                        + " It will be retried; see the chat outbox below."));
            }
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        grid.getDataProvider().refreshAll();
    }

    private String format(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    List<NotificationKind> chosenKinds() {
        return List.copyOf(kinds.getValue());
    }
}
