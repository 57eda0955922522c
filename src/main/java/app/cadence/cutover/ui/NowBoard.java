package app.cadence.cutover.ui;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.StepRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The war room's "Now": your next steps (when you hold a role), then what is in progress (elapsed
 * against the plan, late in red), ready to start, coming in the next two hours by forecast, and
 * late — each card with its owners and the one-click action for whoever may work it.
 */
final class NowBoard extends Div {

    /** Cards per column; the rest are in the runbook. Fewer on a phone, where the columns stack. */
    static final int SHOWN = 5;
    static final int SHOWN_NARROW = 3;
    static final Duration NEXT = Duration.ofHours(2);

    private final StepActions actions;
    private int shown = SHOWN;
    private @Nullable RunScreen screen;
    /**
     * The cards' action buttons, by column, step and action. Every refresh draws the cards anew,
     * but moves these buttons into them rather than making new ones: a refresh comes whenever
     * someone else changes the run, and a click on a button it replaced would reach nothing (Flow
     * ignores an event for a component that no longer exists), so the person's Start or Done
     * would be lost without a word — often, with thirty people at work.
     */
    private Map<String, Button> buttons = new HashMap<>();
    private Map<String, Button> previousButtons = new HashMap<>();

    NowBoard(StepActions actions) {
        this.actions = actions;
        addClassName("now-board");
    }

    /** Shows fewer cards per column on a narrow screen; takes effect at the next {@link #show}. */
    void narrow(boolean narrow) {
        shown = narrow ? SHOWN_NARROW : SHOWN;
    }

    void show(RunScreen screen) {
        this.screen = screen;
        previousButtons = buttons;
        buttons = new HashMap<>();
        removeAll();
        Instant now = screen.header().now();
        RunTimes times = RunTimes.of(screen.header());
        List<StepRow> steps = screen.steps();
        List<StepRow> mine = steps.stream()
                .filter(s -> s.mine() && (s.state() == StepState.IN_PROGRESS || s.state() == StepState.READY || s.state() == StepState.WAITING)
                        && s.rollback() == (screen.header().rollback() != null))
                .sorted(Comparator.comparingInt((StepRow s) -> s.state() == StepState.IN_PROGRESS ? 0 : s.state() == StepState.READY ? 1 : 2)
                        .thenComparing(NowBoard::expectedStart))
                .limit(3).toList();
        if (!mine.isEmpty()) {
            add(column("Your next steps", "now-mine", mine, mine.size(), s -> timing(s, now, times),
                    "Nothing of yours right now."));
        }
        List<StepRow> inProgress = steps.stream().filter(s -> s.state() == StepState.IN_PROGRESS).toList();
        add(column("In progress", "now-in-progress", inProgress, inProgress.size(), s -> timing(s, now, times), "Nothing in progress."));
        List<StepRow> ready = steps.stream().filter(s -> s.state() == StepState.READY).sorted(Comparator.comparing(NowBoard::expectedStart)).toList();
        add(column("Ready to start", "now-ready", ready, ready.size(), s -> timing(s, now, times), "Nothing ready: waiting for steps under way."));
        Instant horizon = now.plus(NEXT);
        List<StepRow> next = steps.stream().filter(s -> s.state() == StepState.WAITING && s.rollback() == (screen.header().rollback() != null))
                .filter(s -> s.forecastStart() != null && !s.forecastStart().isAfter(horizon))
                .sorted(Comparator.comparing(NowBoard::expectedStart)).toList();
        add(column("Next 2 hours", "now-next", next, next.size(), s -> timing(s, now, times), "Nothing else due in the next two hours."));
        List<StepRow> late = steps.stream().filter(StepRow::late).sorted(Comparator.comparing(StepRow::plannedStart)).toList();
        add(column("Late", "now-late", late, late.size(), s -> lateBy(s, now), "Nothing late."));
    }

    private static Instant expectedStart(StepRow step) {
        return step.actualStart() != null ? step.actualStart() : step.forecastStart() != null ? step.forecastStart() : step.plannedStart();
    }

    private Div column(String title, String className, List<StepRow> steps, int total, Function<StepRow, Span> timing, String empty) {
        Div column = new Div();
        column.addClassNames("now-column", className);
        H3 heading = new H3(title + (total > 0 ? " (" + total + ")" : ""));
        heading.addClassName("now-heading");
        column.add(heading);
        if (steps.isEmpty()) {
            Span none = new Span(empty);
            none.addClassName("now-empty");
            column.add(none);
            return column;
        }
        steps.stream().limit(shown).forEach(step -> column.add(card(className, step, timing.apply(step))));
        if (total > shown) {
            Span more = new Span("and " + (total - shown) + " more in the runbook below");
            more.addClassName("now-more");
            column.add(more);
        }
        return column;
    }

    private Div card(String columnClass, StepRow step, Span timing) {
        Div card = new Div();
        card.addClassName("now-card");
        if (step.late()) {
            card.addClassName("now-card-late");
        }
        if (step.mine()) {
            card.addClassName("now-card-mine");
        }
        Span title = new Span("#" + RunbookTable.number(step) + " " + step.title());
        title.addClassName("now-card-title");
        Span owners = new Span(owners(step));
        owners.addClassName("now-card-owners");
        card.add(title, owners, timing);
        StepActions.Action primary = actions.primary(step);
        if (primary != null) {
            card.add(button(columnClass + " " + step.key() + " " + primary, step, primary));
        }
        return card;
    }

    /** The card's one-click action: the button drawn last time for this column, step and action, or a new one. */
    private Button button(String id, StepRow step, StepActions.Action primary) {
        Button button = previousButtons.remove(id);
        if (button == null) {
            UUID key = step.key();
            // The step as last read when clicked: the button outlives the refresh that drew it.
            button = new Button(primary.label, e -> current(key).filter(s -> actions.primary(s) == primary).ifPresent(s -> actions.run(primary, s)));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            if (primary == StepActions.Action.DONE) {
                button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            }
            button.addClassName("now-card-action");
        }
        button.getElement().setAttribute("aria-label", primary.label + " “" + step.title() + "”");
        buttons.put(id, button);
        return button;
    }

    private Optional<StepRow> current(UUID key) {
        return screen == null ? Optional.empty() : screen.steps().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    static String owners(StepRow step) {
        String role = step.ownerRole() == null ? "No owner role" : step.ownerRole();
        return step.owners().isEmpty() ? role + " · nobody on the roster" : role + " · " + String.join(", ", step.owners());
    }

    /** In progress: elapsed of planned (ticking in the browser); otherwise when it is expected. */
    private static Span timing(StepRow step, Instant now, RunTimes times) {
        Span span = new Span();
        span.addClassName("now-card-time");
        if (step.state() == StepState.IN_PROGRESS && step.actualStart() != null) {
            Duration elapsed = Duration.between(step.actualStart(), now);
            span.setText(elapsedText(elapsed, step.durationMinutes()));
            span.addClassName("elapsed");
            span.getElement().setAttribute("data-since", String.valueOf(step.actualStart().toEpochMilli()));
            span.getElement().setAttribute("data-planned", String.valueOf(step.durationMinutes()));
            if (elapsed.toMinutes() > step.durationMinutes()) {
                span.addClassName("over");
            }
            return span;
        }
        Instant expected = Objects.requireNonNullElse(step.forecastStart(), step.plannedStart());
        span.setText((step.state() == StepState.READY ? "Ready · planned " + times.planned(step.plannedStart()) : "Expected " + times.both(expected))
                + (step.state() == StepState.WAITING && !step.waitingFor().isEmpty() ? " · after " + String.join(", ", step.waitingFor()) : ""));
        return span;
    }

    /** "0:42 of 1:00" — the browser's clock keeps it current (see the run view's script). */
    static String elapsedText(Duration elapsed, int plannedMinutes) {
        return RunTimes.hoursMinutes(elapsed.isNegative() ? Duration.ZERO : elapsed) + " of " + RunTimes.hoursMinutes(Duration.ofMinutes(plannedMinutes));
    }

    private static Span lateBy(StepRow step, Instant now) {
        boolean running = step.state() == StepState.IN_PROGRESS;
        Duration by = Duration.between(running ? step.plannedFinish() : step.plannedStart(), now);
        long minutes = Math.max(1, by.toMinutes());
        Span span = new Span((running ? "Should have finished " : "Should have started ") + app.cadence.template.domain.RelativeTime.formatDuration(
                (int) Math.min(minutes, app.cadence.template.domain.RelativeTime.LIMIT_MINUTES)) + " ago");
        span.addClassNames("now-card-time", "late-text");
        return span;
    }
}
