package app.cadence.project.ui;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.Project;
import app.cadence.project.service.HealthView;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A project's health with its reason; editors can set it by hand (with a reason) or go back to the computed one. */
class HealthPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);

    private final ProjectHealthService health;
    private final Long projectId;
    private final boolean canEdit;
    private final ZoneId zone;
    private final Runnable onChange;

    HealthPanel(ProjectHealthService health, Long projectId, boolean canEdit, ZoneId zone, Runnable onChange) {
        this.health = health;
        this.projectId = projectId;
        this.canEdit = canEdit;
        this.zone = zone;
        this.onChange = onChange;
        addClassNames("card", "health-panel");
        refresh();
    }

    static Span badge(Health health) {
        Span badge = new Span(health.label());
        badge.addClassNames("health-badge", health.styleClass());
        return badge;
    }

    void refresh() {
        removeAll();
        HealthView view = health.health(projectId);
        H3 title = new H3("Health ");
        title.add(badge(view.health()));
        Paragraph reason = new Paragraph(view.reason());
        reason.addClassName("health-reason");
        add(title, reason);
        if (view.overridden()) {
            Paragraph who = new Paragraph("Set by hand by " + view.overriddenBy() + " on "
                    + (view.overriddenAt() == null ? "" : WHEN.format(view.overriddenAt().atZone(zone)))
                    + ". Computed: " + view.computed().label() + " — " + view.computedReason());
            who.addClassName("health-override-note");
            add(who);
        }
        if (canEdit) {
            Button set = new Button(view.overridden() ? "Change override" : "Override health", e -> openOverride(view));
            set.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add(set);
            if (view.overridden()) {
                Button clear = new Button("Use computed health", e -> clear(view));
                clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                add(clear);
            }
        }
    }

    private void openOverride(HealthView view) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Set the project's health by hand");
        RadioButtonGroup<Health> choice = new RadioButtonGroup<>("Health");
        choice.setItems(Health.RAG);
        choice.setItemLabelGenerator(Health::label);
        // Nothing is preselected for a project not assessed: the person setting it must judge.
        if (Health.RAG.contains(view.health())) {
            choice.setValue(view.health());
        }
        choice.addValueChangeListener(e -> choice.setInvalid(false));
        TextArea reason = new TextArea("Reason");
        reason.setMaxLength(Project.HEALTH_REASON_MAX);
        reason.setRequired(true);
        reason.setHelperText("Shown beside the health to everyone, with your name and the time.");
        reason.setWidthFull();
        if (view.overridden()) {
            reason.setValue(view.reason());
        }
        reason.focus();
        Button save = new Button("Set health", e -> {
            if (choice.isEmpty()) {
                choice.setErrorMessage("Choose red, amber or green.");
                choice.setInvalid(true);
                return;
            }
            try {
                health.override(projectId, view.projectVersion(), choice.getValue(), reason.getValue());
                dialog.close();
                UserMessages.showSuccess("Health set to " + choice.getValue().label() + ".");
                onChange.run();
            } catch (RuleViolationException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(dialog);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(choice, reason);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void clear(HealthView view) {
        try {
            health.clearOverride(projectId, view.projectVersion());
            UserMessages.showSuccess("The computed health applies again.");
            onChange.run();
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }
}
