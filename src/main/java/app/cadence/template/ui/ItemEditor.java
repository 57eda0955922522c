package app.cadence.template.ui;

import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The dialog that adds or edits one item with the fields of the template's kind. It checks every
 * field before handing the item back; {@code check} lets the designer refuse what only it can
 * judge (a predecessor cycle), with a message naming the problem.
 */
class ItemEditor extends Dialog {

    private final TemplateKind kind;
    private final UUID key;
    private final Function<TemplateItem, Optional<String>> check;
    private final java.util.function.Consumer<TemplateItem> onSave;

    private final TextField title = new TextField("Title");
    private final TextArea description = new TextArea("Description");
    private final Select<StepType> type = new Select<>();
    private final TextField offset = new TextField("Offset from T0");
    private final TextField duration = new TextField("Planned duration");
    private final TextField ownerRole = new TextField("Owner role");
    private final MultiSelectComboBox<CutoverStep> predecessors = new MultiSelectComboBox<>("Predecessors");
    private final TextArea rollbackTrigger = new TextArea("Rollback trigger");
    private final TextArea rollbackInstructions = new TextArea("Rollback instructions");
    private final Checkbox evidence = new Checkbox("Evidence required");
    private final RecurrenceInput recurrence = new RecurrenceInput();
    private final TextArea prompt = new TextArea("Prompt");
    private final Checkbox rating = new Checkbox("Rating question (1–5) instead of a board column");
    private final TextField audience = new TextField("Audience");
    private final TextField purpose = new TextField("Purpose / message");
    private final TextField artefact = new TextField("Artefact");
    private final TextField channel = new TextField("Channel");
    private final Select<Cadence> cadence = new Select<>();
    private final Select<PlanAnchor> anchor = new Select<>();
    private final IntegerField offsetDays = new IntegerField("Offset (days)");
    private final EntryTimingInput timing = new EntryTimingInput();
    private final MessageTemplateInput message = new MessageTemplateInput();
    private final Checkbox sendsStatusReport = new Checkbox("Sends the project's latest status report");

    /**
     * @param sectionRole the role of the section the item goes into: a hypercare section's steps may
     *                    recur (a step that recurs elsewhere shows the field too, so it can be undone)
     */
    ItemEditor(TemplateKind kind, @Nullable SectionRole sectionRole, @Nullable TemplateItem existing, List<CutoverStep> otherSteps,
               Function<TemplateItem, Optional<String>> check, java.util.function.Consumer<TemplateItem> onSave) {
        this.kind = kind;
        this.key = existing == null ? UUID.randomUUID() : existing.key();
        this.check = check;
        this.onSave = onSave;
        setHeaderTitle((existing == null ? "Add " : "Edit ") + switch (kind) {
            case CUTOVER -> "step";
            case RETROSPECTIVE -> "column or rating question";
            case COMMUNICATION_PLAN -> "communication";
        });
        setWidth("min(95vw, 44rem)");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(TemplateContent.TITLE_MAX);
        title.setAutofocus(true);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.add(title, 2);
        switch (kind) {
            case CUTOVER -> {
                type.setLabel("Type");
                type.setItems(StepType.values());
                type.setItemLabelGenerator(StepType::label);
                type.setValue(StepType.TASK);
                offset.setHelperText("Before T0: -2d 4h; after: +30m; at T0: 0m");
                offset.setValue("0m");
                offset.setRequiredIndicatorVisible(true);
                duration.setHelperText("e.g. 1h 30m; 0m for a milestone");
                duration.setValue("30m");
                duration.setRequiredIndicatorVisible(true);
                predecessors.setItems(otherSteps);
                predecessors.setItemLabelGenerator(s -> RelativeTime.clock(s.offsetMinutes()) + " " + s.title());
                predecessors.setHelperText("Steps that must finish before this one starts");
                form.add(type, ownerRole, offset, duration);
                form.add(predecessors, 2);
                form.add(description, 2);
                form.add(rollbackTrigger, rollbackInstructions, evidence);
                form.add(recurrence, 2);
                recurrence.setVisible(sectionRole == SectionRole.HYPERCARE
                        || existing instanceof CutoverStep step && step.recurrence() != null);
            }
            case RETROSPECTIVE -> {
                prompt.setHelperText("The question that invites cards, or the question to rate");
                form.add(prompt, 2);
                form.add(rating, 2);
            }
            case COMMUNICATION_PLAN -> {
                audience.setRequiredIndicatorVisible(true);
                cadence.setLabel("Cadence");
                cadence.setItems(Cadence.values());
                cadence.setItemLabelGenerator(Cadence::label);
                cadence.setValue(Cadence.WEEKLY);
                anchor.setLabel("Anchor");
                anchor.setItems(PlanAnchor.values());
                anchor.setItemLabelGenerator(PlanAnchor::label);
                anchor.setValue(PlanAnchor.PLAN_START);
                offsetDays.setValue(0);
                offsetDays.setStepButtonsVisible(true);
                offsetDays.setMin(-TemplateContent.MAX_OFFSET_DAYS);
                offsetDays.setMax(TemplateContent.MAX_OFFSET_DAYS);
                offsetDays.setHelperText("The first date: days after the anchor (negative: before)");
                audience.setHelperText("Who, in words; each project picks its lists and stakeholders");
                cadence.addValueChangeListener(e -> timing.setCadence(e.getValue()));
                timing.setCadence(cadence.getValue());
                form.add(audience, purpose, artefact, channel, cadence, ownerRole, anchor, offsetDays);
                form.add(timing, 2);
                form.add(message, 2);
                form.add(sendsStatusReport, 2);
            }
        }
        // The same limits as the content check (TemplateContent.maxLength), so that what the dialog
        // takes also saves, publishes and applies to a project.
        ownerRole.setMaxLength(TemplateContent.OWNER_ROLE_MAX);
        for (TextField t : List.of(audience, artefact, channel)) {
            t.setMaxLength(TemplateContent.LABEL_MAX);
        }
        purpose.setMaxLength(TemplateContent.TEXT_MAX);
        for (TextArea t : List.of(description, rollbackTrigger, rollbackInstructions, prompt)) {
            t.setMaxLength(TemplateContent.TEXT_MAX);
        }
        add(form);
        if (existing != null) {
            fill(existing, otherSteps);
        }
        Button save = new Button(existing == null ? "Add" : "Apply", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter adds from the one-line fields; in the text areas it starts a new line.
        save.addClickShortcut(Key.ENTER).listenOn(title, offset, duration, ownerRole, audience, purpose, artefact, channel);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void fill(TemplateItem item, List<CutoverStep> otherSteps) {
        title.setValue(item.title());
        switch (item) {
            case CutoverStep s -> {
                description.setValue(text(s.description()));
                type.setValue(s.type());
                offset.setValue(RelativeTime.formatOffset(s.offsetMinutes()));
                duration.setValue(RelativeTime.formatDuration(s.durationMinutes()));
                ownerRole.setValue(text(s.ownerRole()));
                predecessors.setValue(otherSteps.stream().filter(o -> s.predecessors().contains(o.key())).toList());
                rollbackTrigger.setValue(text(s.rollbackTrigger()));
                rollbackInstructions.setValue(text(s.rollbackInstructions()));
                evidence.setValue(s.evidenceRequired());
                recurrence.setValue(s.recurrence());
            }
            case RetroPrompt r -> {
                prompt.setValue(text(r.prompt()));
                rating.setValue(r.rating());
            }
            case CommunicationEntry c -> {
                audience.setValue(c.audience());
                purpose.setValue(text(c.purpose()));
                artefact.setValue(text(c.artefact()));
                channel.setValue(text(c.channel()));
                cadence.setValue(c.cadence());
                ownerRole.setValue(text(c.ownerRole()));
                anchor.setValue(c.anchor());
                offsetDays.setValue(c.offsetDays());
                timing.setCadence(c.cadence());
                timing.setValue(c.timing());
                message.setValue(c.message());
                sendsStatusReport.setValue(c.sendsStatusReport());
            }
        }
    }

    private void save() {
        List<Runnable> clear = List.of(() -> title.setInvalid(false), () -> offset.setInvalid(false),
                () -> duration.setInvalid(false), () -> audience.setInvalid(false), () -> predecessors.setInvalid(false),
                () -> offsetDays.setInvalid(false), () -> recurrence.setInvalid(false));
        clear.forEach(Runnable::run);
        boolean ok = true;
        if (title.getValue().isBlank()) {
            ok = invalid(title, "Enter a title.");
        }
        TemplateItem item = null;
        switch (kind) {
            case CUTOVER -> {
                if (predecessors.getSelectedItems().size() > TemplateContent.MAX_PREDECESSORS) {
                    ok = invalid(predecessors, "A step can wait for at most " + TemplateContent.MAX_PREDECESSORS
                            + " predecessors; keep the ones it really waits for.");
                }
                Optional<String> incomplete = recurrence.isVisible() ? recurrence.problem() : Optional.empty();
                if (incomplete.isPresent()) {
                    ok = invalid(recurrence, incomplete.get());
                }
                Integer offsetMinutes = parse(offset, true);
                Integer durationMinutes = parse(duration, false);
                ok &= offsetMinutes != null && durationMinutes != null;
                if (ok) {
                    item = new CutoverStep(key, title.getValue().strip(), blank(description.getValue()), type.getValue(),
                            offsetMinutes, durationMinutes, blank(ownerRole.getValue()),
                            predecessors.getSelectedItems().stream().map(CutoverStep::key).toList(),
                            blank(rollbackTrigger.getValue()), blank(rollbackInstructions.getValue()), evidence.getValue(),
                            recurrence.isVisible() ? recurrence.entered() : null);
                }
            }
            case RETROSPECTIVE -> {
                if (ok) {
                    item = new RetroPrompt(key, title.getValue().strip(), blank(prompt.getValue()), rating.getValue());
                }
            }
            case COMMUNICATION_PLAN -> {
                if (audience.getValue().isBlank()) {
                    ok = invalid(audience, "Enter who receives this communication.");
                }
                if (offsetDays.getValue() == null || offsetDays.isInvalid()) {
                    ok = invalid(offsetDays, "Enter a whole number of days between -3660 and 3660.");
                }
                Optional<String> timingProblem = timing.problem();
                if (timingProblem.isPresent()) {
                    ok = false;
                    Notification.show(timingProblem.get(), 5000, Notification.Position.MIDDLE);
                }
                app.cadence.template.domain.MessageTemplate entered = null;
                try {
                    entered = message.value().orElse(null);
                } catch (app.cadence.shared.domain.RuleViolationException e) {
                    ok = false;
                }
                if (ok) {
                    item = new CommunicationEntry(key, title.getValue().strip(), audience.getValue().strip(), blank(purpose.getValue()),
                            blank(artefact.getValue()), blank(channel.getValue()), cadence.getValue(), blank(ownerRole.getValue()),
                            anchor.getValue(), offsetDays.getValue(), timing.value(), entered, sendsStatusReport.getValue());
                }
            }
        }
        if (item == null) {
            return;
        }
        Optional<String> problem = check.apply(item);
        if (problem.isPresent()) {
            invalid(predecessors, problem.get());
            return;
        }
        onSave.accept(item);
        close();
    }

    private @Nullable Integer parse(TextField field, boolean signed) {
        try {
            return signed ? RelativeTime.parseOffset(field.getValue()) : RelativeTime.parseDuration(field.getValue());
        } catch (IllegalArgumentException e) {
            invalid(field, e.getMessage());
            return null;
        }
    }

    private static boolean invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    private static @Nullable String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    static List<CutoverStep> steps(List<TemplateItem> items, UUID except) {
        List<CutoverStep> steps = new ArrayList<>();
        for (TemplateItem item : items) {
            if (item instanceof CutoverStep s && !s.key().equals(except)) {
                steps.add(s);
            }
        }
        return steps;
    }
}
