package app.cadence.notify.ui;

import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationPreferences;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the signed-in person hears of each kind of notice in this organisation: an email at once,
 * one daily digest at 08:00, or no email. The bell always shows the notice. One select per kind
 * (reached with Tab, changed with the arrow keys), saved with the button or Enter.
 */
@Route("notifications/settings")
@PageTitle("Notification settings · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class NotificationSettingsView extends VerticalLayout {

    private final transient NotificationPreferences preferences;
    private final Map<NotificationKind, Select<EmailDelivery>> choices = new EnumMap<>(NotificationKind.class);
    private final Button save = new Button("Save preferences");

    NotificationSettingsView(NotificationPreferences preferences) {
        this.preferences = preferences;
        addClassName("notification-settings-view");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Map<NotificationKind, EmailDelivery> mine = preferences.mine();
        for (NotificationKind kind : NotificationPreferences.CHOOSABLE) {
            Select<EmailDelivery> select = new Select<>();
            select.setLabel(kind.label());
            select.setItems(EmailDelivery.values());
            select.setItemLabelGenerator(EmailDelivery::label);
            select.setValue(mine.get(kind));
            select.setId("delivery-" + kind.name().toLowerCase().replace('_', '-'));
            choices.put(kind, select);
            form.add(select);
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> save());
        add(new H2("Notification settings"),
                new Paragraph("Every notification appears under the bell. Choose, for each kind, whether it is also emailed to you at once, "
                        + "collected into one email at 08:00 (the organisation's time), or not emailed. These choices apply to this "
                        + "organisation only."),
                form, new HorizontalLayout(save, new RouterLink("Back to notifications", NotificationsView.class)));
    }

    private void save() {
        Map<NotificationKind, EmailDelivery> chosen = new EnumMap<>(NotificationKind.class);
        choices.forEach((kind, select) -> {
            if (select.getValue() != null) {
                chosen.put(kind, select.getValue());
            }
        });
        try {
            int changed = preferences.save(chosen);
            UserMessages.showSuccess(changed == 0 ? "Your notification settings are saved; nothing had changed."
                    : "Your notification settings are saved (" + changed + (changed == 1 ? " change)." : " changes)."));
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
