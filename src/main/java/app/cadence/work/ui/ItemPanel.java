package app.cadence.work.ui;

import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Edits one item beside the list. Fields the user may not change are read-only. On a conflict
 * the user's input stays in the fields, the message names who changed the item, and "Show
 * their version" replaces the input only when the user asks.
 */
class ItemPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);

    private final Function<ItemUpdate, ItemView> saver;
    private final Function<Long, ItemView> loader;
    private final java.util.function.Consumer<ItemView> onSaved;
    private final ZoneId zone;

    private final H3 title = new H3();
    private final Paragraph facts = new Paragraph();
    private final Paragraph details = new Paragraph();
    private final Select<ItemStatus> status = new Select<>();
    private final TextField blockedReason = new TextField("Why is it blocked?");
    private final ComboBox<MemberSummary> assignee = new ComboBox<>("Assignee");
    private final DateTimePicker due = new DateTimePicker("Due");
    private final TextArea notes = new TextArea("Notes");
    private final TextField evidence = new TextField("Evidence link");
    private final Div evidenceLink = new Div();
    private final Paragraph completion = new Paragraph();
    private final Paragraph conflict = new Paragraph();
    /** After "Show their version": what the user had typed, so that nothing they typed is lost. */
    private final Paragraph keptInput = new Paragraph();
    private final Span feedback = new Span();
    private final Button save = new Button("Save");
    private final Button showTheirs = new Button("Show their version");
    /** Someone else changed the item while this user was typing: their input stays, the notice offers the new version. */
    private final Div changedNotice = new Div();
    private final Span changedBy = new Span();
    private final Map<String, HasValidation> fieldsByProperty = Map.of("blockedReason", blockedReason, "assignee", assignee,
            "notes", notes, "evidenceUrl", evidence, "status", status);
    private @Nullable ItemView item;

    ItemPanel(MembershipDirectory members, ZoneId zone, Function<ItemUpdate, ItemView> saver, Function<Long, ItemView> loader,
              java.util.function.Consumer<ItemView> onSaved, Runnable onClose) {
        this.saver = saver;
        this.loader = loader;
        this.onSaved = onSaved;
        this.zone = zone;
        addClassNames("card", "item-panel");
        status.setLabel("Status");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(ItemStatus::label);
        status.addValueChangeListener(e -> blockedReason.setVisible(e.getValue() == ItemStatus.BLOCKED));
        blockedReason.setMaxLength(InstanceItem.BLOCKED_REASON_MAX);
        blockedReason.setRequired(true);
        blockedReason.setWidthFull();
        AssigneeChoices.fetchInto(assignee, members);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Unassigned");
        due.setLocale(Locale.UK);
        due.setStep(java.time.Duration.ofMinutes(15));
        notes.setMaxLength(InstanceItem.NOTES_MAX);
        notes.setWidthFull();
        notes.setMinHeight("6rem");
        evidence.setMaxLength(InstanceItem.EVIDENCE_MAX);
        evidence.setPlaceholder("https://…");
        evidence.setWidthFull();
        // Typing reaches the server soon, not only on leaving the field: when someone else's change
        // arrives, the browser sends pending input first, so the panel knows it must not overwrite it.
        for (var typed : List.of(notes, evidence, blockedReason)) {
            typed.setValueChangeMode(ValueChangeMode.LAZY);
        }
        facts.addClassName("item-facts");
        details.addClassName("item-details");
        completion.addClassName("item-completion");
        conflict.addClassName("item-conflict");
        keptInput.addClassName("item-kept-input");
        keptInput.setVisible(false);
        feedback.addClassName("item-saved");
        feedback.getElement().setAttribute("role", "status");
        conflict.setVisible(false);
        Button showChanged = new Button("Show theirs", e -> showTheirVersion());
        showChanged.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        showChanged.addClassName("show-theirs");
        changedNotice.add(changedBy, showChanged);
        changedNotice.addClassName("item-live-notice");
        changedNotice.getElement().setAttribute("role", "status");
        changedNotice.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
        showTheirs.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showTheirs.setVisible(false);
        showTheirs.addClickListener(e -> showTheirVersion());
        Button close = new Button("Close", e -> onClose.run());
        close.addClickShortcut(Key.ESCAPE).listenOn(this);
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(title, changedNotice, conflict, keptInput, facts, details, status, blockedReason, assignee, due, notes, evidence, evidenceLink, completion,
                new HorizontalLayout(save, close, showTheirs, feedback));
    }

    @Nullable ItemView item() {
        return item;
    }

    void show(ItemView shown) {
        this.item = shown;
        fieldsByProperty.values().forEach(f -> f.setInvalid(false));
        conflict.setVisible(false);
        changedNotice.setVisible(false);
        showTheirs.setVisible(false);
        feedback.setVisible(false);
        keptInput.setVisible(false);
        completion.setVisible(true);
        title.setText(shown.title());
        facts.setText(InstanceView.facts(shown));
        details.setText(shown.details() == null ? "" : shown.details());
        details.setVisible(shown.details() != null);
        status.setValue(shown.status());
        blockedReason.setValue(shown.blockedReason() == null ? "" : shown.blockedReason());
        blockedReason.setVisible(shown.status() == ItemStatus.BLOCKED);
        assignee.setValue(shown.assigneeUserId() == null ? null : AssigneeChoices.assigned(shown.assigneeUserId(), String.valueOf(shown.assigneeName())));
        due.setValue(shown.dueAt() == null ? null : shown.dueAt().atZone(zone).toLocalDateTime());
        notes.setValue(shown.notes() == null ? "" : shown.notes());
        evidence.setValue(shown.evidenceUrl() == null ? "" : shown.evidenceUrl());
        evidence.setHelperText(shown.evidenceRequired() ? "Required before this step can be marked done." : null);
        evidenceLink.removeAll();
        if (shown.evidenceUrl() != null) {
            // Only http(s) addresses are accepted by the service, so the link cannot run script.
            Anchor open = new Anchor(shown.evidenceUrl(), "Open evidence", AnchorTarget.BLANK);
            open.getElement().setAttribute("rel", "noopener noreferrer");
            evidenceLink.add(open);
        }
        completion.setText(completionText(shown));
        status.setReadOnly(!shown.canEdit(ItemField.STATUS));
        blockedReason.setReadOnly(!shown.canEdit(ItemField.STATUS));
        assignee.setReadOnly(!shown.canEdit(ItemField.ASSIGNEE));
        due.setReadOnly(!shown.canEdit(ItemField.DUE));
        notes.setReadOnly(!shown.canEdit(ItemField.NOTES));
        evidence.setReadOnly(!shown.canEdit(ItemField.EVIDENCE));
        save.setVisible(!shown.editable().isEmpty());
        setVisible(true);
    }

    /**
     * Someone else saved this item while the user has unsaved input: the input stays in the
     * fields (saving it would be refused as a conflict) and the notice offers their version.
     */
    void changedMeanwhile(String who) {
        changedBy.setText(who + " changed this item — your input is kept, not saved. ");
        changedNotice.setVisible(true);
    }

    /** The input stays in the fields; the user decides when to look at the other version. */
    private void showConflict(String who) {
        conflict.setText(who + " Your changes were not saved and are still in the fields. "
                + "“Show their version” loads theirs and keeps your notes and evidence link on screen to copy.");
        conflict.setVisible(true);
        showTheirs.setVisible(true);
        completion.setVisible(false); // it describes the version this user started from
        conflict.scrollIntoView();
    }

    private void showTheirVersion() {
        ItemUpdate mine = edited();
        ItemView theirs = loader.apply(Objects.requireNonNull(item).id());
        show(theirs);
        StringBuilder kept = new StringBuilder();
        if (mine.notes() != null && !mine.notes().equals(theirs.notes())) {
            kept.append("Your notes (not saved): ").append(mine.notes());
        }
        if (mine.evidenceUrl() != null && !mine.evidenceUrl().equals(theirs.evidenceUrl())) {
            kept.append(kept.isEmpty() ? "" : "\n").append("Your evidence link (not saved): ").append(mine.evidenceUrl());
        }
        if (!kept.isEmpty()) {
            keptInput.setText(kept.toString()); // text, never HTML
            keptInput.setVisible(true);
        }
        feedback.setText("Showing " + theirs.updatedBy() + "'s version.");
        feedback.setVisible(true);
    }

    /** True when the fields hold input the user has not saved. */
    boolean hasChanges() {
        return item != null && isVisible() && !edited().equals(ItemUpdate.from(item));
    }

    private String completionText(ItemView shown) {
        StringBuilder text = new StringBuilder("Last changed by " + shown.updatedBy() + " on " + WHEN.format(shown.updatedAt().atZone(zone)) + ".");
        if (shown.completedAt() != null) {
            text.insert(0, "Completed by " + shown.completedBy() + " on " + WHEN.format(shown.completedAt().atZone(zone)) + ". ");
        }
        return text.toString();
    }

    private ItemUpdate edited() {
        ItemView current = Objects.requireNonNull(item);
        Instant dueAt = due.getValue() == null ? null : due.getValue().atZone(zone).toInstant();
        if (current.dueAt() != null && due.getValue() != null && due.getValue().equals(current.dueAt().atZone(zone).toLocalDateTime())) {
            dueAt = current.dueAt(); // unchanged, whatever the picker's precision
        }
        return new ItemUpdate(current.id(), current.version(), status.getValue(),
                blank(blockedReason.getValue()), assignee.getValue() == null ? null : assignee.getValue().userId(), dueAt,
                blank(notes.getValue()), blank(evidence.getValue()));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void save() {
        if (item == null) {
            return;
        }
        fieldsByProperty.values().forEach(f -> f.setInvalid(false));
        try {
            ItemView saved = saver.apply(edited());
            show(saved);
            // Said here, not in a notification: those sit over this panel's buttons.
            feedback.setText("Saved.");
            feedback.setVisible(true);
            onSaved.accept(saved);
        } catch (RuleViolationException e) {
            HasValidation field = e.field() == null ? null : fieldsByProperty.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
                if (field instanceof Focusable<?> focusable) {
                    focusable.focus();
                }
            } else {
                UserMessages.showError(e);
            }
        } catch (ConcurrentChangeException e) {
            showConflict(e.changedBy() + " saved this item at " + UserMessages.formatTime(e.changedAt()) + " while you were editing it.");
        } catch (OptimisticLockingFailureException e) {
            showConflict("Someone else saved this item at the same moment.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
