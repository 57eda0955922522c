package app.cadence.home.ui;

import app.cadence.home.service.CalendarFeeds;
import app.cadence.shared.ui.AccountPageSection;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The account page's calendar feed: create, rotate or revoke the secret address. */
@org.springframework.stereotype.Component
class CalendarFeedSection implements AccountPageSection {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final CalendarFeeds feeds;

    CalendarFeedSection(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        Div section = new Div();
        section.addClassName("calendar-feed");
        draw(section, null);
        return section;
    }

    private void draw(Div section, String freshAddress) {
        section.removeAll();
        section.add(new H2("Calendar feed"), new Paragraph("Subscribe to your Cadence dates — items due, cutover steps, communications, "
                + "retro actions, go-lives and runs in every organisation you work with — from your own calendar (Outlook, Google, Apple). "
                + "The address is secret: anyone who has it sees those dates. Only what you could see in each organisation is in it, "
                + "and nothing from an organisation once your membership ends."));
        var since = feeds.activeSince();
        if (freshAddress != null) {
            TextField address = new TextField("Your feed address (shown once: copy it now)");
            address.setValue(freshAddress);
            address.setReadOnly(true);
            address.setWidthFull();
            address.addClassName("calendar-feed-address");
            section.add(address);
        } else if (since.isPresent()) {
            section.add(new Paragraph("Your feed is on since " + SINCE.format(since.get()) + ". Its address was shown when it was created; "
                    + "make a new one if you have lost it (the old one stops working)."));
        }
        Button create = new Button(since.isPresent() ? "Make a new address" : "Create my feed address", e -> {
            try {
                draw(section, feeds.createOrRotate());
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("calendar-feed-create");
        section.add(create);
        if (since.isPresent()) {
            Button revoke = new Button("Turn the feed off", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Turn your calendar feed off?",
                        "Calendars subscribed to it stop receiving your Cadence dates.", "Turn off", ok -> {
                            feeds.revoke();
                            UserMessages.showSuccess("Your calendar feed is off.");
                            draw(section, null);
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.addClassName("calendar-feed-revoke");
            section.add(revoke);
        }
    }
}
