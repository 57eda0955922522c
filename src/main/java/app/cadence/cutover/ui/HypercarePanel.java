package app.cadence.cutover.ui;

import app.cadence.cutover.domain.CheckState;
import app.cadence.cutover.service.HypercareBoard;
import app.cadence.cutover.service.HypercareChecks;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A run's hypercare: the recurring checks' occurrences grouped by day (today first), each with a
 * tick for those who may, missed and overdue ones in red, and the exit sign-off. Self-contained
 * for the run screen to place: it reads and acts through {@link HypercareChecks} only, and the
 * screen calls {@link #refresh()} when its run changes (it already follows the run's topic).
 */
public class HypercarePanel extends VerticalLayout {

    /** Days drawn at first: a week either side of today covers a stand-up's questions; the rest on request. */
    static final int DAYS_SHOWN = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final Long runId;
    private final HypercareChecks checks;
    private boolean allDays;
    /** The runbook has no hypercare: the panel stays hidden. */
    private boolean none;

    private HypercarePanel(Long runId, HypercareChecks checks) {
        this.runId = runId;
        this.checks = checks;
        addClassName("hypercare-panel");
        setPadding(false);
        refresh();
    }

    public static HypercarePanel of(Long runId, HypercareChecks checks) {
        return new HypercarePanel(runId, checks);
    }

    /** Reads the run's hypercare again and redraws it. */
    public void refresh() {
        if (none) {
            return;
        }
        removeAll();
        HypercareBoard board = checks.occurrences(runId);
        setVisible(!board.isEmpty());
        if (board.isEmpty()) {
            // Whether a run has hypercare checks is its runbook's to say, and a run's runbook does
            // not change: no need to read it again on every change of the run.
            none = true;
            return;
        }
        add(new H3("Hypercare"));
        board.checks().forEach(check -> add(checkLine(check, board.zone())));
        List<HypercareBoard.Day> days = board.days();
        List<HypercareBoard.Day> shown = allDays ? days : days.stream().limit(DAYS_SHOWN).toList();
        for (HypercareBoard.Day day : shown) {
            H4 heading = new H4((day.today() ? "Today · " : "") + DAY.format(day.date()));
            heading.addClassName("hypercare-day");
            add(heading);
            day.occurrences().forEach(o -> add(occurrenceRow(o, board.zone())));
        }
        if (shown.size() < days.size()) {
            Button more = new Button("Show all " + days.size() + " days", e -> {
                allDays = true;
                refresh();
            });
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(more);
        }
        if (board.exit() != null) {
            add(exitSection(board.exit(), board.zone()));
        }
    }

    private static Div checkLine(HypercareBoard.Check check, ZoneId zone) {
        String progress = check.expanded() ? check.done() + " of " + check.total() + " done" + (check.missed() > 0 ? ", " + check.missed() + " missed" : "")
                : "dated once its predecessors are done; planned from " + WHEN.format(check.plannedFrom().atZone(zone));
        Span rule = new Span(" · " + check.rule() + " · " + progress);
        rule.addClassName("hint");
        Div line = new Div(new Span(check.title()), rule);
        line.addClassName("hypercare-check");
        return line;
    }

    private Div occurrenceRow(HypercareBoard.Occurrence o, ZoneId zone) {
        Span time = new Span(TIME.format(o.dueAt().atZone(zone)));
        time.addClassName("hypercare-time");
        Span state = new Span(o.overdue() ? "Overdue" : o.state().label());
        state.addClassNames("status-badge", o.state() == CheckState.DONE ? "status-active" : o.alarming() ? "hypercare-alarm" : "status-closed");
        Div row = new Div(time, new Span(" "), state, new Span(" " + o.title()));
        row.addClassName("hypercare-occurrence");
        if (o.alarming()) {
            row.addClassName("hypercare-missed");
        }
        if (o.recordedBy() != null && o.recordedAt() != null && o.state() != CheckState.CLOSED) {
            Span who = new Span(" · " + o.recordedBy() + ", " + WHEN.format(o.recordedAt().atZone(zone)) + (o.note() == null ? "" : " — " + o.note()));
            who.addClassName("hint");
            row.add(who);
        }
        if (o.mayTick()) {
            Button tick = new Button("Done", VaadinIcon.CHECK.create(), e -> ask("“" + o.title() + "” — " + WHEN.format(o.dueAt().atZone(zone)),
                    "Note (optional)", "Mark done", false, (note, dialog) -> act(dialog, () -> checks.tick(runId, o.id(), note))));
            tick.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            tick.setAriaLabel("Done: " + o.title() + " of " + WHEN.format(o.dueAt().atZone(zone)));
            row.add(new Span(" "), tick);
        }
        if (o.mayMiss()) {
            Button miss = new Button("Missed…", e -> ask("“" + o.title() + "” — " + WHEN.format(o.dueAt().atZone(zone)),
                    "Why was it missed?", "Mark missed", true, (note, dialog) -> act(dialog, () -> checks.miss(runId, o.id(), note))));
            miss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            miss.setAriaLabel("Missed: " + o.title() + " of " + WHEN.format(o.dueAt().atZone(zone)));
            row.add(new Span(" "), miss);
        }
        return row;
    }

    private Div exitSection(HypercareBoard.Exit exit, ZoneId zone) {
        Div section = new Div(new H4("Exit: " + exit.title()));
        section.addClassName("hypercare-exit");
        if (exit.signed()) {
            section.add(new Paragraph("Signed by " + exit.signedBy() + " on " + WHEN.format(java.util.Objects.requireNonNull(exit.signedAt()).atZone(zone))
                    + (exit.note() == null ? "" : ": " + exit.note())));
        } else if (exit.maySign()) {
            TextArea note = new TextArea("Exit criteria met");
            note.setHelperText("Which criteria are met and who agreed; open checks are closed when you sign");
            note.setMaxLength(2_000);
            note.setWidthFull();
            Button sign = new Button("Sign hypercare exit", VaadinIcon.FLAG_CHECKERED.create(), e -> act(null, () -> checks.signExit(runId, note.getValue())));
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(note, sign);
        } else if (!exit.waitingFor().isEmpty()) {
            section.add(new Paragraph("Waiting for " + String.join(", ", exit.waitingFor().stream().map(t -> "“" + t + "”").toList()) + "."));
        } else {
            section.add(new Paragraph("The run lead or a project manager signs the exit when its criteria are met."));
        }
        return section;
    }

    private void ask(String title, String label, String confirm, boolean required, BiConsumer<@Nullable String, Dialog> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextArea note = new TextArea(label);
        note.setMaxLength(2_000);
        note.setWidthFull();
        note.setRequired(required);
        Button ok = new Button(confirm, e -> {
            if (required && note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage("Say why, for the run log and the report.");
                return;
            }
            action.accept(note.getValue().isBlank() ? null : note.getValue(), dialog);
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(note);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
        note.focus();
    }

    /** Runs an action; on success closes its dialog and redraws, otherwise shows why and keeps what was typed. */
    private void act(@Nullable Dialog dialog, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
            return;
        }
        if (dialog != null) {
            dialog.close();
        }
        refresh();
    }
}
