package app.cadence.comms.ui;

import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds a stakeholder to a project's register or edits one. The service checks what is typed; a
 * refusal is shown next to its field, and a concurrent edit leaves everything typed in the form.
 */
class StakeholderDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField email = new TextField("Email");
    final TextField organisation = new TextField("Organisation");
    final TextField role = new TextField("Role");
    final Select<StakeholderLevel> influence = new Select<>();
    final Select<StakeholderLevel> interest = new Select<>();
    final Select<StakeholderChannel> channel = new Select<>();
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");

    private final Stakeholders stakeholders;
    private final Long projectId;
    private final @Nullable StakeholderDetails editing;
    private final Runnable onSaved;

    StakeholderDialog(Stakeholders stakeholders, Long projectId, @Nullable StakeholderDetails editing, Runnable onSaved) {
        this.stakeholders = stakeholders;
        this.projectId = projectId;
        this.editing = editing;
        this.onSaved = onSaved;
        addClassName("stakeholder-dialog");
        setHeaderTitle(editing == null ? "Add a stakeholder" : "Edit " + editing.name());
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(StakeholderDraft.NAME_MAX);
        name.setAutofocus(true);
        email.setHelperText("Optional; needed to send them emails.");
        email.setMaxLength(254);
        organisation.setMaxLength(StakeholderDraft.ORGANISATION_MAX);
        role.setMaxLength(StakeholderDraft.ROLE_MAX);
        role.setPlaceholder("e.g. Sponsor, Business owner");
        level(influence, "Influence");
        level(interest, "Interest");
        channel.setLabel("Preferred channel");
        channel.setItems(StakeholderChannel.values());
        channel.setItemLabelGenerator(StakeholderChannel::label);
        notes.setMaxLength(StakeholderDraft.NOTES_MAX);

        StakeholderDraft start = editing == null ? StakeholderDraft.named("") : editing.draft();
        name.setValue(start.name());
        email.setValue(start.email() == null ? "" : start.email());
        organisation.setValue(start.organisation() == null ? "" : start.organisation());
        role.setValue(start.role() == null ? "" : start.role());
        influence.setValue(start.influence());
        interest.setValue(start.interest());
        channel.setValue(start.channel());
        notes.setValue(start.notes() == null ? "" : start.notes());

        FormLayout form = new FormLayout(name, email, organisation, role, influence, interest, channel, notes);
        form.setColspan(notes, 2);
        add(form);
        setWidth("36rem");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER).listenOn(name, email, organisation, role);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static void level(Select<StakeholderLevel> select, String label) {
        select.setLabel(label);
        select.setItems(StakeholderLevel.values());
        select.setItemLabelGenerator(StakeholderLevel::label);
    }

    StakeholderDraft draft() {
        return new StakeholderDraft(name.getValue(), email.getValue(), organisation.getValue(), role.getValue(), influence.getValue(),
                interest.getValue(), channel.getValue(), notes.getValue());
    }

    void save() {
        Map<String, HasValidation> fields = Map.of(StakeholderDraft.NAME, name, StakeholderDraft.EMAIL, email, StakeholderDraft.ORGANISATION,
                organisation, StakeholderDraft.ROLE, role, StakeholderDraft.INFLUENCE, influence, StakeholderDraft.INTEREST, interest,
                StakeholderDraft.CHANNEL, channel, StakeholderDraft.NOTES, notes);
        fields.values().forEach(f -> f.setInvalid(false));
        StakeholderDraft draft = draft();
        // Every wrong field is marked at once; the service checks the same again.
        List<StakeholderDraft.Problem> problems = draft.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> mark(fields.get(p.field()), p.message()));
            return;
        }
        try {
            if (editing == null) {
                StakeholderDetails added = stakeholders.add(projectId, draft);
                UserMessages.showSuccess(added.name() + " was added to the stakeholders.");
            } else {
                stakeholders.update(editing.id(), editing.version(), draft);
                UserMessages.showSuccess("Your changes to " + draft.name() + " were saved.");
            }
            close();
            onSaved.run();
        } catch (RuleViolationException ex) {
            HasValidation field = ex.field() == null ? null : fields.get(ex.field());
            if (field != null) {
                mark(field, ex.getMessage());
            } else {
                UserMessages.showError(ex);
            }
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private static void mark(@Nullable HasValidation field, @Nullable String message) {
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }
}
