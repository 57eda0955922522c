package app.cadence.cutover.ui;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.StepRow;
import app.cadence.template.domain.StepType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The whole runbook of a run: every step with its section, owner, state, planned, forecast and
 * actual times (each relative to T0 and as a date and time in the run's zone), variance, the
 * critical path and evidence; filters by section, owner role, state and "mine", and a search
 * field. Rows are plain text and Lit templates — no component per cell — so a 500-step runbook
 * draws at once. The selected step opens below with every action its reader may take.
 */
final class RunbookTable extends Div {

    /** Up to this many steps the table grows to show them all; beyond, it scrolls. */
    static final int ALL_ROWS_VISIBLE = 25;

    private static final Pattern WEB_LINK = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);

    private final StepActions actions;
    private final List<StepRow> rows = new ArrayList<>();
    private final ListDataProvider<StepRow> data = new ListDataProvider<>(rows) {
        @Override
        public Object getId(StepRow item) {
            return item.key();
        }
    };
    private final Grid<StepRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<String> section = new Select<>();
    private final Select<String> role = new Select<>();
    private final Select<StepState> state = new Select<>();
    private final Checkbox mine = new Checkbox("Only mine");
    private final Span count = new Span();
    private final Div panel = new Div();
    private final List<Grid.Column<StepRow>> wideColumns = new ArrayList<>();
    private Grid.@Nullable Column<StepRow> stepColumn;
    private Grid.@Nullable Column<StepRow> stateColumn;
    private @Nullable RunScreen screen;
    private @Nullable RunTimes times;
    private @Nullable UUID selected;

    RunbookTable(StepActions actions) {
        this.actions = actions;
        addClassName("runbook");
        H3 heading = new H3("Runbook");

        search.setPlaceholder("Find a step  ( / )");
        search.setAriaLabel("Find a step");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("runbook-search");
        section.setAriaLabel("Section");
        section.setEmptySelectionAllowed(true);
        section.setEmptySelectionCaption("All sections");
        section.setPlaceholder("All sections");
        role.setAriaLabel("Owner role");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption("All roles");
        role.setPlaceholder("All roles");
        state.setAriaLabel("State");
        state.setItems(StepState.values());
        state.setItemLabelGenerator(s -> s == null ? "All states" : s.label());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("All states");
        state.setPlaceholder("All states");
        search.addValueChangeListener(e -> filter());
        section.addValueChangeListener(e -> filter());
        role.addValueChangeListener(e -> filter());
        state.addValueChangeListener(e -> filter());
        mine.addValueChangeListener(e -> filter());
        count.addClassName("runbook-count");
        Div filters = new Div(search, section, role, state, mine, count);
        filters.addClassName("runbook-filters");

        configureGrid();
        panel.addClassName("step-panel");
        panel.setVisible(false);
        add(heading, filters, grid, panel);
    }

    private void configureGrid() {
        grid.addClassName("runbook-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setDataProvider(data);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        wideColumns.add(grid.addColumn(RunbookTable::number).setHeader("#").setWidth("3.5rem").setFlexGrow(0).setKey("position"));
        wideColumns.add(grid.addColumn(StepRow::sectionTitle).setHeader("Section").setWidth("9rem").setFlexGrow(0).setKey("section"));
        grid.addColumn(LitRenderer.<StepRow>of("""
                        <div class="rb-step"><span class="rb-title">${item.title}</span>\
                        <span class="rb-note">${item.note}</span><span class="rb-when">${item.when}</span></div>""")
                        .withProperty("title", s -> (s.critical() ? "◆ " : "") + s.title())
                        .withProperty("note", this::note)
                        .withProperty("when", this::when))
                .setHeader("Step").setFlexGrow(3).setWidth("14rem").setKey("step");
        stepColumn = grid.getColumnByKey("step");
        wideColumns.add(grid.addColumn(LitRenderer.<StepRow>of("<div class=\"rb-two\"><span>${item.role}</span><span class=\"rb-sub\">${item.owners}</span></div>")
                        .withProperty("role", s -> s.ownerRole() == null ? "—" : s.ownerRole())
                        .withProperty("owners", s -> s.owners().isEmpty() ? "nobody on the roster" : String.join(", ", s.owners())))
                .setHeader("Owner").setWidth("10rem").setFlexGrow(1).setKey("owner"));
        grid.addColumn(LitRenderer.<StepRow>of("<span class=\"step-state ${item.cls}\">${item.state}</span>")
                        .withProperty("cls", s -> "step-state-" + s.state().name().toLowerCase(Locale.ROOT).replace('_', '-') + (s.late() ? " step-late" : ""))
                        .withProperty("state", s -> s.state().label() + (s.late() ? " · late" : "")))
                .setHeader("State").setWidth("7.5rem").setFlexGrow(0).setKey("state");
        stateColumn = grid.getColumnByKey("state");
        wideColumns.add(grid.addColumn(twoLines()
                        .withProperty("a", s -> times().plannedSpan(s.plannedStart(), s.plannedFinish()))
                        .withProperty("b", s -> times().span(s.plannedStart(), s.plannedFinish())))
                .setHeader("Planned").setWidth("11rem").setFlexGrow(1).setKey("planned"));
        wideColumns.add(grid.addColumn(twoLines()
                        .withProperty("a", s -> times().relativeSpan(s.forecastStart(), s.forecastFinish()))
                        .withProperty("b", s -> times().span(s.forecastStart(), s.forecastFinish())))
                .setHeader("Forecast").setWidth("11rem").setFlexGrow(1).setKey("forecast"));
        wideColumns.add(grid.addColumn(twoLines()
                        .withProperty("a", s -> s.actualStart() == null ? "—" : times().span(s.actualStart(), s.actualFinish()))
                        .withProperty("b", RunbookTable::who))
                .setHeader("Actual").setWidth("11rem").setFlexGrow(1).setKey("actual"));
        wideColumns.add(grid.addColumn(LitRenderer.<StepRow>of("<span class=\"${item.cls}\">${item.text}</span>")
                        .withProperty("cls", s -> RunTimes.varianceClass(s.variance()))
                        .withProperty("text", s -> RunTimes.variance(s.variance())))
                .setHeader("Variance").setWidth("7rem").setFlexGrow(0).setKey("variance"));
        wideColumns.add(grid.addColumn(s -> s.evidence() != null ? s.evidence() : s.evidenceRequired() ? "required" : "")
                .setHeader("Evidence").setWidth("8rem").setFlexGrow(1).setKey("evidence"));
        grid.addColumn(LitRenderer.<StepRow>of("""
                        <vaadin-button theme="small ${item.theme}" ?hidden=${!item.action} @click=${act} \
                        aria-label="${item.action} ${item.title}">${item.action}</vaadin-button>""")
                        .withProperty("action", s -> {
                            StepActions.Action a = actions.primary(s);
                            return a == null ? "" : a.label;
                        })
                        .withProperty("theme", s -> s.state() == StepState.IN_PROGRESS ? "primary success" : "primary")
                        .withProperty("title", StepRow::title)
                        .withFunction("act", s -> current(s.key()).ifPresent(step -> {
                            StepActions.Action a = actions.primary(step);
                            if (a != null) {
                                actions.run(a, step);
                            }
                        })))
                .setHeader("").setWidth("6rem").setFlexGrow(0).setKey("action").setFrozenToEnd(true);
        grid.setPartNameGenerator(this::parts);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                selected = e.getValue() == null ? null : e.getValue().key();
                showPanel();
            }
        });
    }

    /** The step's number as people say it: 1 for the first step of the runbook. */
    static int number(StepRow step) {
        return step.position() + 1;
    }

    private static LitRenderer<StepRow> twoLines() {
        return LitRenderer.of("<div class=\"rb-two\"><span>${item.a}</span><span class=\"rb-sub\">${item.b}</span></div>");
    }

    private RunTimes times() {
        return Objects.requireNonNull(times);
    }

    private @Nullable String parts(StepRow step) {
        List<String> parts = new ArrayList<>();
        if (step.rollback()) {
            parts.add(screen != null && screen.header().rollback() != null ? "rb-rollback" : "rb-rollback-idle");
        }
        if (step.late()) {
            parts.add("rb-late");
        }
        if (step.critical()) {
            parts.add("rb-critical");
        }
        if (step.state() == StepState.DONE || step.state() == StepState.SKIPPED) {
            parts.add("rb-finished");
        }
        if (step.state() == StepState.ABANDONED) {
            parts.add("rb-abandoned");
        }
        if (step.state() == StepState.IN_PROGRESS) {
            parts.add("rb-in-progress");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The second line of a step: its kind, the critical path, what it waits for, its rollback trigger, why it was skipped or failed. */
    private String note(StepRow step) {
        List<String> bits = new ArrayList<>();
        if (step.type() != StepType.TASK) {
            bits.add(step.type().label());
        }
        if (step.critical()) {
            bits.add("critical path");
        }
        if (step.rollback()) {
            bits.add(screen != null && screen.header().rollback() != null ? "rollback" : "rollback — only if rollback is invoked");
        }
        if (!step.waitingFor().isEmpty()) {
            bits.add("waits for " + String.join(", ", step.waitingFor()));
        }
        if (step.rollbackTrigger() != null) {
            bits.add("roll back if: " + step.rollbackTrigger());
        }
        if (step.reason() != null && (step.state() == StepState.SKIPPED || step.state() == StepState.FAILED)) {
            bits.add(step.state().label() + ": " + step.reason());
        }
        return String.join(" · ", bits);
    }

    /** On narrow screens, where the time columns are hidden, the step says when. */
    private String when(StepRow step) {
        if (step.actualFinish() != null) {
            return "Finished " + times().wall(step.actualFinish());
        }
        if (step.actualStart() != null) {
            return "Started " + times().wall(step.actualStart()) + " · planned to finish " + times().planned(step.plannedFinish());
        }
        return "Expected " + times().both(step.forecastStart() != null ? step.forecastStart() : step.plannedStart());
    }

    private static String who(StepRow step) {
        if (step.finishedBy() != null) {
            return "by " + step.finishedBy();
        }
        return step.startedBy() == null ? "" : "started by " + step.startedBy();
    }

    /**
     * Shows the run as read now. Someone else's change usually alters a few steps; only those rows
     * are sent to the browser again (thirty people on one run refresh every screen often), unless
     * what the rows are drawn against changed — T0, the rollback, the steps a filter lets through.
     */
    void show(RunScreen read) {
        RunScreen before = this.screen;
        this.screen = read;
        this.times = RunTimes.of(read.header());
        List<StepRow> changed = changedRows(before, read);
        Set<UUID> shownBefore = shownKeys();
        rows.clear();
        rows.addAll(read.steps());
        LinkedHashSet<String> sections = new LinkedHashSet<>();
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        read.steps().forEach(s -> {
            sections.add(s.sectionTitle());
            if (s.ownerRole() != null) {
                roles.add(s.ownerRole());
            }
        });
        keepChoice(section, List.copyOf(sections));
        keepChoice(role, List.copyOf(roles));
        // A short runbook shows whole; a long one scrolls inside the table.
        grid.setAllRowsVisible(rows.size() <= ALL_ROWS_VISIBLE);
        if (changed == null || !shownKeys().equals(shownBefore)) {
            data.refreshAll();
            filter();
        } else {
            changed.forEach(data::refreshItem);
        }
        if (selected != null) {
            Optional<StepRow> now = current(selected);
            now.ifPresent(grid::select);
            if (changed == null || now.isEmpty() || changed.stream().anyMatch(r -> r.key().equals(selected))) {
                showPanel();
            }
        } else if (changed == null) {
            showPanel();
        }
    }

    /** The rows that differ from what was shown, or null when the whole table must be drawn again. */
    private static @Nullable List<StepRow> changedRows(@Nullable RunScreen before, RunScreen now) {
        if (before == null || before.steps().size() != now.steps().size()
                || !before.header().t0().equals(now.header().t0()) || !before.header().zone().equals(now.header().zone())
                || (before.header().rollback() == null) != (now.header().rollback() == null)) {
            return null;
        }
        List<StepRow> changed = new ArrayList<>();
        for (int i = 0; i < now.steps().size(); i++) {
            StepRow was = before.steps().get(i);
            StepRow is = now.steps().get(i);
            if (!was.key().equals(is.key())) {
                return null;
            }
            if (!was.equals(is)) {
                changed.add(is);
            }
        }
        return changed;
    }

    private Set<UUID> shownKeys() {
        Set<UUID> keys = new HashSet<>();
        rows.stream().filter(this::matches).forEach(r -> keys.add(r.key()));
        return keys;
    }

    private static void keepChoice(Select<String> select, List<String> items) {
        List<String> before = select.getListDataView().getItems().toList();
        if (!before.equals(items)) {
            String chosen = select.getValue();
            select.setItems(items);
            if (chosen != null && items.contains(chosen)) {
                select.setValue(chosen);
            }
        }
    }

    private void filter() {
        data.setFilter(this::matches);
        long shown = rows.stream().filter(this::matches).count();
        count.setText(shown == rows.size() ? rows.size() + " steps" : shown + " of " + rows.size() + " steps");
    }

    private boolean matches(StepRow step) {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        return (text.isEmpty() || step.title().toLowerCase(Locale.ROOT).contains(text)
                || (step.ownerRole() != null && step.ownerRole().toLowerCase(Locale.ROOT).contains(text))
                || String.valueOf(number(step)).equals(text))
                && (section.getValue() == null || section.getValue().equals(step.sectionTitle()))
                && (role.getValue() == null || role.getValue().equals(step.ownerRole()))
                && (state.getValue() == null || state.getValue() == step.state())
                && (!mine.getValue() || step.mine());
    }

    private List<StepRow> shown() {
        return rows.stream().filter(this::matches).toList();
    }

    Optional<StepRow> current(UUID key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    Optional<StepRow> selectedStep() {
        return selected == null ? Optional.empty() : current(selected);
    }

    /** Moves the selection down (+1) or up (−1) among the steps shown, and scrolls to it. */
    void move(int delta) {
        List<StepRow> shown = shown();
        if (shown.isEmpty()) {
            return;
        }
        int at = -1;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).key().equals(selected)) {
                at = i;
            }
        }
        int next = at < 0 ? (delta > 0 ? 0 : shown.size() - 1) : Math.max(0, Math.min(shown.size() - 1, at + delta));
        StepRow step = shown.get(next);
        selected = step.key();
        grid.select(step);
        grid.scrollToIndex(next);
        showPanel();
    }

    /** A keyboard shortcut's action on the selected step, when it is offered. */
    void act(StepActions.Action action) {
        selectedStep().filter(s -> actions.offered(s).contains(action)).ifPresent(s -> actions.run(action, s));
    }

    void focusSearch() {
        search.focus();
    }

    /** Narrow screens: step, state and action only (the step says when). */
    void compact(boolean narrow) {
        wideColumns.forEach(c -> c.setVisible(!narrow));
        Objects.requireNonNull(stepColumn).setWidth(narrow ? "9rem" : "14rem");
        Objects.requireNonNull(stateColumn).setWidth(narrow ? "6.5rem" : "7.5rem");
        if (narrow) {
            addClassName("runbook-compact");
        } else {
            removeClassName("runbook-compact");
        }
    }

    /** Only mine: the phone's default for a member who holds a role. */
    void onlyMine(boolean only) {
        mine.setValue(only);
    }

    private void showPanel() {
        panel.removeAll();
        Optional<StepRow> step = selectedStep();
        if (step.isEmpty() || times == null) {
            panel.setVisible(false);
            return;
        }
        StepRow s = step.get();
        panel.setVisible(true);
        Span title = new Span("#" + number(s) + " " + s.title());
        title.addClassName("step-panel-title");
        Span badge = new Span(s.state().label() + (s.late() ? " · late" : ""));
        badge.addClassNames("step-state", "step-state-" + s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Div head = new Div(title, badge);
        head.addClassName("step-panel-head");
        panel.add(head);
        if (s.description() != null) {
            Paragraph description = new Paragraph(s.description());
            description.addClassName("step-panel-description");
            panel.add(description);
        }
        panel.add(fact("Section", s.sectionTitle() + (s.rollback() ? " (rollback)" : "")),
                fact("Owner", NowBoard.owners(s)),
                fact("Planned", times.planned(s.plannedStart()) + " → " + times.planned(s.plannedFinish()) + " (" + RunTimes.hoursMinutes(java.time.Duration.ofMinutes(s.durationMinutes())) + ")"),
                fact("Forecast", s.forecastStart() == null ? "—" : times.both(s.forecastStart()) + " → " + times.both(s.forecastFinish())),
                fact("Actual", s.actualStart() == null ? "not started" : times.both(s.actualStart()) + (s.startedBy() == null ? "" : " (" + s.startedBy() + ")")
                        + " → " + (s.actualFinish() == null ? "…" : times.both(s.actualFinish()) + (s.finishedBy() == null ? "" : " (" + s.finishedBy() + ")"))),
                fact("Variance", RunTimes.variance(s.variance())));
        if (!s.waitingFor().isEmpty()) {
            panel.add(fact("Waiting for", String.join(", ", s.waitingFor())));
        }
        if (s.reason() != null) {
            panel.add(fact("Reason", s.reason()));
        }
        if (s.evidence() != null) {
            if (WEB_LINK.matcher(s.evidence()).matches()) {
                Anchor link = new Anchor(s.evidence(), s.evidence());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                Div fact = fact("Evidence", "");
                fact.add(link);
                panel.add(fact);
            } else {
                panel.add(fact("Evidence", s.evidence()));
            }
        } else if (s.evidenceRequired()) {
            panel.add(fact("Evidence", "required when it is done"));
        }
        if (s.rollbackTrigger() != null) {
            panel.add(fact("Roll back if", s.rollbackTrigger()));
        }
        if (s.rollbackInstructions() != null) {
            panel.add(fact("Rollback instructions", s.rollbackInstructions()));
        }
        Div buttons = new Div();
        buttons.addClassName("step-panel-actions");
        for (StepActions.Action action : actions.offered(s)) {
            Button button = new Button(action.label, e -> actions.run(action, s));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (action == actions.primary(s)) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                if (action == StepActions.Action.DONE) {
                    button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                }
            }
            if (action == StepActions.Action.FAIL) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(button);
        }
        if (buttons.getComponentCount() > 0) {
            panel.add(buttons);
        } else if (s.type() == StepType.GO_NO_GO && s.state().isOpen()) {
            panel.add(hint("Decided by its approvers' votes: see Go/no-go."));
        }
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            selected = null;
            grid.deselectAll();
            showPanel();
        });
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close the step");
        close.addClassName("step-panel-close");
        head.add(close);
    }

    private static Div fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Div fact = new Div(name, new Span(value));
        fact.addClassName("fact");
        return fact;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }

    Grid<StepRow> grid() {
        return grid;
    }
}
