package app.cadence.mail.ui;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxEntry;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Locale;

/**
 * The organisation's outgoing email, newest first. Without a mail server nothing is sent, so the
 * ADMIN copies an invitation's link and passes it on by hand. A link shows only while it works
 * (not sent, used, withdrawn or expired), and never the code that a new account needs: only
 * the email carries that.
 */
@Route("admin/outbox")
@Menu(order = 8, icon = "vaadin:envelope", title = "Email outbox")
@PageTitle("Email outbox · Cadence")
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class OutboxView extends VerticalLayout {

    private final Outbox outbox;
    private final Grid<OutboxEntry> grid = new Grid<>();

    OutboxView(Outbox outbox) {
        this.outbox = outbox;
        addClassName("outbox-view");
        setSizeFull();

        Paragraph notice = new Paragraph(outbox.isSending()
                ? "Emails are sent through the configured mail server. A failed email is retried with growing pauses; "
                        + "one that keeps failing is given up and can be tried again here."
                : "No mail server is configured, so Cadence sends no email: messages wait here. "
                        + "Copy an invitation's link and pass it on yourself, e.g. by chat: it lets someone who already has "
                        + "a Cadence account join. Someone new also needs the code that only the email contains.");
        notice.addClassName("outbox-notice");

        grid.addComponentColumn(OutboxView::statusBadge).setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.kind().label()).setHeader("Kind").setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxEntry::recipient).setHeader("Recipient").setKey("recipient").setFlexGrow(2);
        grid.addColumn(OutboxEntry::subject).setHeader("Subject").setKey("subject").setFlexGrow(3);
        grid.addColumn(e -> UserMessages.formatTime(e.createdAt())).setHeader("Created").setKey("created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxEntry::attempts).setHeader("Attempts").setKey("attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxView::lastError).setHeader("Last error").setKey("lastError").setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(query -> outbox.list(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(outbox.count()));
        Paragraph empty = new Paragraph("No emails yet. Invitations and other emails of this organisation appear here.");
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);

        add(notice, grid);
        expand(grid);
    }

    private static Span statusBadge(OutboxEntry e) {
        Span badge = new Span(e.status().label());
        badge.addClassNames("status-badge", "mail-status-" + e.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Instant next = e.nextAttemptAt();
        if (e.status() == DeliveryStatus.FAILED_RETRYING && next != null) {
            badge.setTitle("Next attempt " + UserMessages.formatTime(next));
        } else if (e.status() == DeliveryStatus.SENT && e.sentAt() != null) {
            badge.setTitle("Sent " + UserMessages.formatTime(e.sentAt()));
        }
        return badge;
    }

    private static String lastError(OutboxEntry e) {
        return e.lastError() == null ? "" : e.lastError();
    }

    private Component actions(OutboxEntry entry) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        String link = entry.link();
        if (link != null) {
            Button copy = new Button("Copy link", VaadinIcon.COPY.create());
            copy.setAriaLabel("Copy the link of the email to " + entry.recipient());
            // Runs in the browser's own click handler, where it may write to the clipboard; where the
            // browser refuses (e.g. over plain HTTP), the link is shown selected for Ctrl+C instead.
            Clipboard.onClick(copy).writeText(link,
                    copied -> UserMessages.showSuccess("Link copied. Paste it into a message to " + entry.recipient() + "."),
                    error -> showLink(entry, link));
            Button show = new Button(VaadinIcon.EYE.create(), e -> showLink(entry, link));
            show.setAriaLabel("Show the link of the email to " + entry.recipient());
            show.setTooltipText("Show link");
            for (Button b : new Button[] {copy, show}) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            }
            actions.add(copy, show);
        }
        if (entry.status() == DeliveryStatus.GAVE_UP) {
            Button retry = new Button("Try again", VaadinIcon.REFRESH.create(), e -> retry(entry));
            retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            retry.setAriaLabel("Try again to send the email to " + entry.recipient());
            actions.add(retry);
        }
        return actions;
    }

    private void retry(OutboxEntry entry) {
        try {
            outbox.retry(entry.id());
            UserMessages.showSuccess("The email to " + entry.recipient() + " will be sent again.");
            grid.getDataProvider().refreshAll();
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    /** The link in a read-only field, selected: one Ctrl+C away, with no script built from it. */
    private static void showLink(OutboxEntry entry, String link) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Link for " + entry.recipient());
        TextField field = new TextField("Link");
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setAutoselect(true);
        field.setAutofocus(true);
        dialog.add(new Paragraph("Press Ctrl+C (⌘C on a Mac) to copy it, then pass it on to " + entry.recipient() + ". "
                + "If they have no Cadence account yet, they also need the code from the email, which only they receive."), field);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
