package app.cadence.retro.ui;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroReading.MyAction;
import app.cadence.shared.ui.UserMessages;
import app.cadence.work.ui.MyWorkSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/** My work's list of the retrospective actions the person owns and has not finished, soonest due first. */
@org.springframework.stereotype.Component
class MyRetroActionsSection implements MyWorkSection {

    private final RetroReading reading;
    private final RetroActions actions;

    MyRetroActionsSection(RetroReading reading, RetroActions actions) {
        this.reading = reading;
        this.actions = actions;
    }

    @Override
    public Optional<Component> create() {
        List<MyAction> mine = reading.myActions();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Div section = new Div(new H3("Retrospective actions"));
        section.addClassName("my-retro-actions");
        for (MyAction action : mine) {
            section.add(row(action, section));
        }
        return Optional.of(section);
    }

    private Div row(MyAction mine, Div section) {
        var action = mine.action();
        Span state = new Span(action.overdue() ? "Overdue" : "Open");
        state.addClassNames("status-badge", action.overdue() ? "status-on-hold" : "status-proposed");
        Anchor link = new Anchor("retros/" + action.sessionId(), action.title());
        Span where = new Span(" · " + mine.projectKey() + " · " + mine.retroName()
                + (action.dueOn() == null ? "" : " · due " + ActionList.DUE.format(action.dueOn())));
        where.addClassName("hint");
        Div row = new Div(state, new Span(" "), link, where);
        Button done = new Button("Done", e -> {
            try {
                actions.settle(action.id(), action.version(), ActionStatus.DONE, null, null);
                section.remove(row);
                UserMessages.showSuccess("“" + action.title() + "” is done.");
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        done.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        done.setAriaLabel("Mark “" + action.title() + "” done");
        row.add(done);
        row.addClassName("my-retro-action");
        return row;
    }
}
