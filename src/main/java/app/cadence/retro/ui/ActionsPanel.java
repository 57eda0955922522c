package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroAction;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroScreen;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Actions: a form to agree one (what, who, by when, and the topic it comes from, if any) and the
 * session's actions. The form keeps what is being typed across reads; only its lists are renewed.
 */
class ActionsPanel extends Div implements BoardPanel {

    private final Long sessionId;
    private final RetroActions actions;
    private final BoardChanges changes;
    private final ActionList list;
    private final Div form = new Div();
    private final TextField title = new TextField("Action");
    private final ComboBox<MemberSummary> owner = new ComboBox<>("Owner");
    private final DatePicker due = new DatePicker("Due");
    private final Select<Long> topic = new Select<>();
    private List<TopicView> topics = List.of();

    ActionsPanel(Long sessionId, RetroActions actions, BoardChanges changes, RecordLesson lesson) {
        this.sessionId = sessionId;
        this.actions = actions;
        this.changes = changes;
        this.list = ActionList.ofSession(actions, changes, lesson);
        addClassName("retro-actions-panel");
        title.setMaxLength(RetroAction.TITLE_MAX);
        title.setPlaceholder("What will be done?");
        title.setRequired(true);
        title.addClassName("retro-action-what");
        owner.setItemLabelGenerator(MemberSummary::displayName);
        owner.setRequired(true);
        due.setMin(LocalDate.now());
        due.setClearButtonVisible(true);
        topic.setLabel("From topic");
        topic.setEmptySelectionAllowed(true);
        topic.setEmptySelectionCaption("None (free action)");
        topic.setItemLabelGenerator(id -> id == null ? "None (free action)"
                : topics.stream().filter(t -> t.groupId().equals(id)).map(t -> ReflectPanel.abbreviate(t.title())).findFirst().orElse(""));
        Button add = new Button("Add action", e -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(title);
        form.addClassName("retro-action-form");
        form.add(title, owner, due, topic, add);
        add(new H3("Agree an action"), form, list);
    }

    @Override
    public void show(RetroScreen screen) {
        form.setVisible(screen.iMayTakePart() && screen.board().phase() != app.cadence.retro.domain.RetroPhase.CLOSED);
        if (owner.getListDataView().getItemCount() != screen.members().size()) {
            MemberSummary chosen = owner.getValue();
            owner.setItems(screen.members());
            if (chosen != null) {
                screen.members().stream().filter(m -> m.userId().equals(chosen.userId())).findFirst().ifPresent(owner::setValue);
            }
        }
        topics = screen.board().topics();
        Long chosenTopic = topic.getValue();
        List<Long> ids = new ArrayList<>();
        ids.add(null);
        topics.forEach(t -> ids.add(t.groupId()));
        topic.setItems(ids);
        topic.setValue(ids.contains(chosenTopic) ? chosenTopic : null);
        list.show(screen.actions(), screen);
    }

    /** Prefills the form from the topic under discussion. */
    void from(TopicView chosen) {
        topic.setValue(chosen.groupId());
        title.focus();
    }

    /** The topic under discussion, as the action's topic unless one was chosen already. */
    void suggest(@Nullable Long groupId) {
        if (groupId != null && topic.getValue() == null && topics.stream().anyMatch(t -> t.groupId().equals(groupId))) {
            topic.setValue(groupId);
        }
    }

    private void add() {
        if (title.getValue().isBlank()) {
            title.setInvalid(true);
            title.setErrorMessage("Say what is to be done.");
            return;
        }
        if (owner.getValue() == null) {
            owner.setInvalid(true);
            owner.setErrorMessage("Choose who owns it.");
            return;
        }
        String what = title.getValue();
        Long who = owner.getValue().userId();
        @Nullable LocalDate when = due.getValue();
        @Nullable Long from = topic.getValue();
        if (changes.attempt(() -> actions.add(sessionId, from, what, who, when))) {
            title.clear();
            title.setInvalid(false);
            owner.setInvalid(false);
            due.clear();
            title.focus();
        }
    }
}
