package app.cadence.cutover.ui;

import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.RoleHolders;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The run's roster: each owner role of the runbook with the members who hold it in this run.
 * Whoever runs the run changes the holders — one action, which is also how a role is handed over
 * mid-run; every step of the role is then theirs, and the log says so.
 */
final class RosterPanel extends Div {

    private final Long runId;
    private final CutoverRuns runs;
    private final Supplier<List<MemberSummary>> candidates;
    private final Runnable changed;

    RosterPanel(Long runId, CutoverRuns runs, Supplier<List<MemberSummary>> candidates, Runnable changed) {
        this.runId = runId;
        this.runs = runs;
        this.candidates = candidates;
        this.changed = changed;
        addClassNames("run-panel", "roster-panel");
    }

    void show(RunScreen screen) {
        removeAll();
        add(new H3("Roster"));
        if (screen.roster().isEmpty()) {
            Span none = new Span("No step of this runbook has an owner role.");
            none.addClassName("panel-empty");
            add(none);
            return;
        }
        for (RoleHolders holders : screen.roster()) {
            Span role = new Span(holders.role());
            role.addClassName("roster-role");
            Span names = new Span(holders.names().isEmpty() ? "nobody yet" : String.join(", ", holders.names()));
            names.addClassName(holders.names().isEmpty() ? "roster-nobody" : "roster-holders");
            Div line = new Div(role, names);
            line.addClassName("roster-line");
            if (holders.userIds().contains(screen.you().userId())) {
                line.addClassName("roster-mine");
            }
            if (screen.you().mayRun()) {
                Button change = new Button(holders.names().isEmpty() ? "Assign…" : "Change…", e -> change(holders));
                change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                change.setAriaLabel("Change who holds " + holders.role());
                line.add(change);
            }
            add(line);
        }
    }

    private void change(RoleHolders holders) {
        Ask ask = new Ask(holders.role(), "Save")
                .say("Every step of this role belongs to the members chosen here. Changing them mid-run is a handover: "
                        + "it is recorded in the run log, and their go/no-go votes follow until the first vote is cast.");
        MultiSelectComboBox<MemberSummary> who = new MultiSelectComboBox<>("Held by");
        who.setWidthFull();
        List<MemberSummary> members = candidates.get();
        who.setItems(members);
        who.setItemLabelGenerator(m -> m.displayName() + " (" + m.role().name().toLowerCase(Locale.ROOT) + ")");
        Set<Long> current = Set.copyOf(holders.userIds());
        who.setValue(members.stream().filter(m -> current.contains(m.userId())).collect(Collectors.toSet()));
        ask.with(who);
        ask.open(() -> {
            runs.assignRole(runId, holders.role(), who.getValue().stream().map(MemberSummary::userId).toList());
            changed.run();
        });
    }
}
