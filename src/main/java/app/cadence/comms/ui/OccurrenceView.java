package app.cadence.comms.ui;

import app.cadence.comms.domain.OccurrenceStatus;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.DeliveryView;
import app.cadence.comms.service.Communications.OccurrenceDetail;
import app.cadence.comms.service.Recipient;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.ui.MarkdownView;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import app.cadence.shared.domain.RecordNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a communication: its owner drafts it from live project data (the series'
 * message with its placeholders filled in), edits and previews it, then sends it by email to each
 * recipient of the audience — or records it as held, for a meeting — or skips it with a reason.
 * Once sent it is read-only, with each recipient's delivery state.
 */
@Route("communications")
@RolesAllowed(RoleSets.MEMBERS)
public class OccurrenceView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final transient Communications communications;
    private final transient LiveScreens live;
    final TextField subject = new TextField("Subject");
    final TextArea body = new TextArea("Message (Markdown)");
    final MarkdownView preview = new MarkdownView();
    final Button saveDraft = new Button("Save draft");
    final Button send = new Button("Send…");
    final Button held = new Button("Record as held…");
    final Button skip = new Button("Skip…");
    private @Nullable Long id;
    private LiveScreens.@Nullable Following following;
    private @Nullable OccurrenceDetail shown;
    /** What the draft fields were filled with; null while they are not on the page. */
    private MessageTemplate.@Nullable FilledMessage filled;
    private String title = "Communication";

    public OccurrenceView(Communications communications, LiveScreens live) {
        this.communications = communications;
        this.live = live;
        addClassName("occurrence-view");
        subject.setWidthFull();
        subject.setMaxLength(MessageTemplate.SUBJECT_MAX);
        body.setWidthFull();
        body.setMinHeight("14rem");
        body.setMaxLength(MessageTemplate.BODY_MAX);
        body.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> preview.setMarkdown(e.getValue()));
        preview.addClassName("message-preview");
        saveDraft.addClickListener(e -> saveDraft());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> confirmSend());
        held.addClickListener(e -> recordHeld());
        skip.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        skip.addClickListener(e -> askSkip());
    }

    @Override
    public void setParameter(BeforeEvent event, Long occurrenceId) {
        Long projectBefore = shown == null ? null : shown.row().projectId();
        this.id = occurrenceId;
        try {
            show();
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        if (following == null) {
            following = live.follow(this, () -> shown == null ? List.of() : List.of(Topic.commsOf(shown.row().projectId())), changes -> {
                // What the owner is typing is not thrown away by someone else's change elsewhere in the project.
                if (!isEditing()) {
                    show();
                }
            });
        } else if (!java.util.Objects.equals(projectBefore, shown == null ? null : shown.row().projectId())) {
            following.refollow(); // an occurrence of another project in the same view (Vaadin reuses it)
        }
    }

    /** Whether the owner changed the subject or body the page filled in (their draft, or one proposed from live data). */
    private boolean isEditing() {
        return filled != null && (!subject.getValue().equals(filled.subject()) || !body.getValue().equals(filled.body()));
    }

    @Override
    public String getPageTitle() {
        return title + " · Cadence";
    }

    void show() {
        if (id == null) {
            return;
        }
        OccurrenceDetail detail = communications.occurrence(id);
        shown = detail;
        title = detail.row().title();
        removeAll();
        filled = null;
        var row = detail.row();
        Anchor project = new Anchor("projects/" + row.projectId(), row.projectKey() + " · " + row.projectName());
        Span status = new Span(row.overdue(communications.now()) ? "Overdue" : row.status().label());
        status.addClassNames("status-badge", "occurrence-status");
        Paragraph facts = new Paragraph("Due " + WHEN.format(row.dueAt().atZone(communications.zone()))
                + (row.moved() ? " (moved from " + row.scheduledFor() + ", a day off)" : "")
                + " · " + (row.channel() == null ? "Email" : row.channel()) + " · owner " + row.ownerName());
        facts.addClassName("hint");
        add(new H2(row.title()), new Div(project, new Span(" "), status), facts);
        add(new Paragraph("Audience: " + (detail.audienceLabel().isBlank() ? "none chosen yet" : detail.audienceLabel())));
        if (row.status() == OccurrenceStatus.SENT) {
            showSent(detail);
        } else if (row.status() == OccurrenceStatus.SKIPPED) {
            add(new Paragraph("Skipped: " + row.skipReason()));
            if (detail.canAct()) {
                Button back = new Button("Put back in the plan", e -> act(() -> communications.reinstate(row.id(), row.version()), "Back in the plan."));
                add(back);
            }
        } else {
            showDraft(detail);
        }
    }

    private void showDraft(OccurrenceDetail detail) {
        MessageTemplate.FilledMessage draft = communications.proposedDraft(detail.row().id());
        subject.setValue(draft.subject());
        body.setValue(draft.body());
        filled = new MessageTemplate.FilledMessage(subject.getValue(), body.getValue());
        preview.setMarkdown(draft.body());
        boolean may = detail.canAct();
        subject.setReadOnly(!may);
        body.setReadOnly(!may);
        if (detail.sendsStatusReport()) {
            add(new Paragraph("This communication sends the project's latest published status report: publish it on the project's Status reports tab first."));
        }
        Div editor = new Div(subject, body);
        editor.addClassName("draft-editor");
        Div previewBox = new Div(new H3("Preview"), preview);
        previewBox.addClassName("draft-preview");
        HorizontalLayout columns = new HorizontalLayout(editor, previewBox);
        columns.setWidthFull();
        // Side by side, half each: what is typed on the left, what recipients will read on the right.
        editor.setWidth("50%");
        previewBox.setWidth("50%");
        columns.setFlexGrow(1, editor, previewBox);
        add(columns);
        if (detail.sentByEmail()) {
            Div recipients = new Div(new H3("Recipients (" + detail.recipients().size() + ")"));
            recipients.addClassName("recipients");
            for (Recipient r : detail.recipients()) {
                recipients.add(new Div(new Span(r.name() + (r.email() == null ? " — no email address, will not receive it" : " <" + r.email() + ">"))));
            }
            if (detail.recipients().isEmpty()) {
                recipients.add(new Paragraph("Nobody yet: a project manager chooses the audience on the project's Communications tab."));
            }
            add(recipients);
        }
        send.setVisible(may && detail.sentByEmail());
        held.setVisible(may);
        held.setText(detail.sentByEmail() ? "Record as sent elsewhere…" : "Record as held…");
        saveDraft.setVisible(may);
        skip.setVisible(may);
        add(new HorizontalLayout(saveDraft, send, held, skip));
        if (detail.canReassign()) {
            add(reassignRow(detail));
        }
        if (!may) {
            add(new Paragraph("Only its owner or a project manager can draft and send it."));
        }
    }

    /** A PM gives this one occurrence to someone else (the owner is away that week). */
    private HorizontalLayout reassignRow(OccurrenceDetail detail) {
        ComboBox<MemberSummary> owner = new ComboBox<>("Give this one to");
        owner.addClassName("reassign-owner");
        owner.setItems(communications.possibleOwners());
        owner.setItemLabelGenerator(MemberSummary::displayName);
        Button give = new Button("Give", e -> {
            if (owner.getValue() == null) {
                owner.setErrorMessage("Choose who takes it.");
                owner.setInvalid(true);
                return;
            }
            act(() -> communications.reassign(detail.row().id(), detail.row().version(), owner.getValue().userId()),
                    owner.getValue().displayName() + " has it now.");
        });
        give.addClassName("reassign-give");
        HorizontalLayout row = new HorizontalLayout(owner, give);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void showSent(OccurrenceDetail detail) {
        Paragraph sent = new Paragraph("Sent by " + detail.sentBy() + " on "
                + (detail.sentAt() == null ? "" : WHEN.format(detail.sentAt().atZone(communications.zone()))) + ". This is the project's record: it no longer changes.");
        sent.addClassName("hint");
        add(sent, new H3(detail.subject() == null ? "" : detail.subject()));
        MarkdownView message = new MarkdownView(detail.body() == null ? "" : detail.body());
        message.addClassName("message-preview");
        add(message);
        if (detail.note() != null) {
            add(new Paragraph("Note: " + detail.note()));
        }
        if (!detail.deliveries().isEmpty()) {
            Grid<DeliveryView> grid = new Grid<>();
            grid.addClassName("deliveries");
            grid.addColumn(DeliveryView::name).setHeader("Recipient").setSortable(true);
            grid.addColumn(d -> d.email() == null ? "—" : d.email()).setHeader("Email");
            grid.addColumn(DeliveryView::status).setHeader("Delivery").setSortable(true);
            grid.addColumn(d -> d.problem() == null ? "" : d.problem()).setHeader("Problem");
            grid.setPartNameGenerator(d -> d.failed() ? "delivery-failed" : null);
            grid.setItems(detail.deliveries());
            grid.setAllRowsVisible(true);
            add(new H3("Deliveries"), grid);
        }
    }

    private void saveDraft() {
        OccurrenceDetail detail = shown;
        if (detail == null) {
            return;
        }
        act(() -> communications.saveDraft(detail.row().id(), detail.row().version(), subject.getValue(), body.getValue()), "Draft saved.");
    }

    private void confirmSend() {
        OccurrenceDetail detail = shown;
        if (detail == null) {
            return;
        }
        long withEmail = detail.recipients().stream().filter(r -> r.email() != null).count();
        ConfirmDialog confirm = new ConfirmDialog("Send “" + subject.getValue() + "”?",
                "It goes by email to " + withEmail + (withEmail == 1 ? " recipient" : " recipients")
                        + ", one message each, and is kept in the project's communication log.", "Send", e -> {
            try {
                long version = communications.saveDraft(detail.row().id(), detail.row().version(), subject.getValue(), body.getValue());
                int queued = communications.send(detail.row().id(), version);
                UserMessages.showSuccess("Sent to " + queued + (queued == 1 ? " recipient." : " recipients."));
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
            show();
        });
        confirm.setCancelable(true);
        confirm.open();
    }

    private void recordHeld() {
        OccurrenceDetail detail = shown;
        if (detail == null) {
            return;
        }
        TextArea note = new TextArea("Note (optional)");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setPlaceholder("Held with the steering committee; minutes on SharePoint.");
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Record “" + detail.row().title() + "” as done?");
        confirm.add(note);
        confirm.setCancelable(true);
        confirm.setConfirmText("Record");
        confirm.addConfirmListener(e -> act(() -> communications.markSent(detail.row().id(), detail.row().version(), note.getValue()),
                "Recorded in the project's communication log."));
        confirm.open();
    }

    private void askSkip() {
        OccurrenceDetail detail = shown;
        if (detail == null) {
            return;
        }
        TextField reason = new TextField("Why is it skipped?");
        reason.setWidthFull();
        reason.setMaxLength(500);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Skip “" + detail.row().title() + "” of " + detail.row().dueOn() + "?");
        confirm.add(reason);
        confirm.setCancelable(true);
        confirm.setConfirmText("Skip");
        confirm.addConfirmListener(e -> act(() -> communications.skip(detail.row().id(), detail.row().version(), reason.getValue()), "Skipped."));
        confirm.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            UserMessages.showSuccess(done);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        show();
    }
}
