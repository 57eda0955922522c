package app.cadence.retro.ui;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.service.ActionRow;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A list of action items with what can be done to them: the session's own actions (done, drop,
 * reopen), or — at check-in — the open actions of earlier retrospectives, reviewed by the team as
 * done, still open, or dropped with a reason.
 */
class ActionList extends Div {

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final RetroActions actions;
    private final BoardChanges changes;
    private final boolean reviewing;
    private final String title;
    private final String empty;
    private final RecordLesson lesson;

    private ActionList(RetroActions actions, BoardChanges changes, boolean reviewing, String title, String empty, RecordLesson lesson) {
        this.lesson = lesson;
        this.actions = actions;
        this.changes = changes;
        this.reviewing = reviewing;
        this.title = title;
        this.empty = empty;
        addClassName(reviewing ? "retro-carried-over" : "retro-actions");
    }

    /** The open actions of the project's earlier retrospectives, reviewed in this one. */
    static ActionList carriedOver(RetroActions actions, BoardChanges changes, RecordLesson lesson) {
        return new ActionList(actions, changes, true, "Actions from earlier retrospectives", "", lesson);
    }

    static ActionList ofSession(RetroActions actions, BoardChanges changes, RecordLesson lesson) {
        return new ActionList(actions, changes, false, "Actions", "No actions yet. Agree who does what by when.", lesson);
    }

    void show(List<ActionRow> rows, RetroScreen screen) {
        removeAll();
        if (rows.isEmpty() && empty.isEmpty()) {
            setVisible(false);
            return;
        }
        setVisible(true);
        add(new H3(title));
        if (reviewing) {
            Span hint = new Span("Review each one: done, still open, or dropped with a reason.");
            hint.addClassName("hint");
            add(hint);
        }
        if (rows.isEmpty()) {
            Span none = new Span(empty);
            none.addClassNames("hint", "empty-state");
            add(none);
        }
        for (ActionRow row : rows) {
            add(row(row, screen));
        }
    }

    private Div row(ActionRow action, RetroScreen screen) {
        Div row = new Div();
        row.addClassName("retro-action");
        Span status = new Span(action.status().label());
        status.addClassNames("status-badge", switch (action.status()) {
            case OPEN -> action.overdue() ? "status-on-hold" : "status-proposed";
            case DONE -> "status-active";
            case DROPPED -> "status-closed";
        });
        Span what = new Span(action.title());
        what.addClassName("retro-action-title");
        Span who = new Span(action.ownerName() + (action.dueOn() == null ? "" : " · due " + DUE.format(action.dueOn()))
                + (action.overdue() ? " · overdue" : "") + (action.reason() == null ? "" : " · " + action.reason()));
        who.addClassName("hint");
        row.add(status, what, who);
        if (screen.iMayTakePart()) {
            row.add(buttons(action, screen));
        }
        return row;
    }

    private Div buttons(ActionRow action, RetroScreen screen) {
        Div buttons = new Div();
        buttons.addClassName("retro-action-buttons");
        @Nullable Long reviewedIn = reviewing ? screen.sessionId() : null;
        if (action.status() != ActionStatus.DONE) {
            buttons.add(small("Done", () -> changes.attempt(() -> actions.settle(action.id(), action.version(), ActionStatus.DONE, null, reviewedIn))));
        }
        if (reviewing && action.status() == ActionStatus.OPEN) {
            buttons.add(small("Still open", () -> changes.attempt(
                    () -> actions.settle(action.id(), action.version(), ActionStatus.OPEN, "Still open", reviewedIn))));
        }
        if (action.status() == ActionStatus.OPEN) {
            buttons.add(small("Drop…", () -> askReason(action, reviewedIn)));
        } else {
            buttons.add(small("Reopen", () -> changes.attempt(() -> actions.settle(action.id(), action.version(), ActionStatus.OPEN, null, reviewedIn))));
        }
        if (lesson.mayRecord()) {
            buttons.add(lesson.actionButton(action, screen));
        }
        return buttons;
    }

    private void askReason(ActionRow action, @Nullable Long reviewedIn) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Drop “" + action.title() + "”?");
        TextArea reason = new TextArea("Why is it dropped?");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setMaxLength(app.cadence.retro.domain.RetroAction.REASON_MAX);
        reason.setHelperText("The next retrospective will see this reason.");
        Button drop = new Button("Drop action", e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the action is dropped.");
                return;
            }
            if (changes.attempt(() -> actions.settle(action.id(), action.version(), ActionStatus.DROPPED, reason.getValue(), reviewedIn))) {
                dialog.close();
            }
        });
        drop.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), drop);
        dialog.open();
        reason.focus();
    }

    private static Button small(String label, Runnable click) {
        Button button = new Button(label, e -> click.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
