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
import java.util.ArrayList;
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
    /** What each drawn column shows, in order: a column is drawn again only when this changes. */
    private List<Column> drawn = List.of();
    /**
     * The cards' action buttons, by column, step and action. A column drawn again gets these
     * buttons moved into its new cards rather than new ones: a redraw comes whenever someone else
     * changes the run, and a click on a button it replaced would reach nothing (Flow ignores an
     * event for a component that no longer exists), so the person's Start or Done would be lost
     * without a word — often, with thirty people at work.
     */
    private final Map<String, Button> buttons = new HashMap<>();

    NowBoard(StepActions actions) {
        this.actions = actions;
        addClassName("now-board");
    }

    /** Shows fewer cards per column on a narrow screen; takes effect at the next {@link #show}. */
    void narrow(boolean narrow) {
        shown = narrow ? SHOWN_NARROW : SHOWN;
    }

    /** What a column shows; records, so that an unchanged column is not sent to the browser again. */
    private record Column(String title, String className, List<Card> cards, int total, String empty) {
    }

    private record Card(UUID key, int number, String title, String owners, Timing timing, boolean late, boolean mine,
                        StepActions.@Nullable Action primary) {
    }

    /** A card's time line; {@code since} and {@code planned} let the browser's clock keep an elapsed time current. */
    private record Timing(String text, List<String> classes, @Nullable Long since, int planned) {
    }

    void show(RunScreen screen) {
        this.screen = screen;
        List<Column> columns = columns(screen);
        if (columns.size() != drawn.size()) {
            removeAll();
            buttons.clear();
            columns.forEach(c -> add(draw(c)));
        } else {
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).equals(drawn.get(i))) {
                    Div column = draw(columns.get(i));
                    replace(getComponentAt(i), column);
                }
            }
        }
        drawn = columns;
    }

    private List<Column> columns(RunScreen screen) {
        Instant now = screen.header().now();
        RunTimes times = RunTimes.of(screen.header());
        List<StepRow> steps = screen.steps();
        List<Column> columns = new ArrayList<>();
        List<StepRow> mine = steps.stream()
                .filter(s -> s.mine() && (s.state() == StepState.IN_PROGRESS || s.state() == StepState.READY || s.state() == StepState.WAITING)
                        && s.rollback() == (screen.header().rollback() != null))
                .sorted(Comparator.comparingInt((StepRow s) -> s.state() == StepState.IN_PROGRESS ? 0 : s.state() == StepState.READY ? 1 : 2)
                        .thenComparing(NowBoard::expectedStart))
                .limit(3).toList();
        if (!mine.isEmpty()) {
            columns.add(column("Your next steps", "now-mine", mine, s -> timing(s, now, times), "Nothing of yours right now."));
        }
        List<StepRow> inProgress = steps.stream().filter(s -> s.state() == StepState.IN_PROGRESS).toList();
        columns.add(column("In progress", "now-in-progress", inProgress, s -> timing(s, now, times), "Nothing in progress."));
        List<StepRow> ready = steps.stream().filter(s -> s.state() == StepState.READY).sorted(Comparator.comparing(NowBoard::expectedStart)).toList();
        columns.add(column("Ready to start", "now-ready", ready, s -> timing(s, now, times), "Nothing ready: waiting for steps under way."));
        Instant horizon = now.plus(NEXT);
        List<StepRow> next = steps.stream().filter(s -> s.state() == StepState.WAITING && s.rollback() == (screen.header().rollback() != null))
                .filter(s -> s.forecastStart() != null && !s.forecastStart().isAfter(horizon))
                .sorted(Comparator.comparing(NowBoard::expectedStart)).toList();
        columns.add(column("Next 2 hours", "now-next", next, s -> timing(s, now, times), "Nothing else due in the next two hours."));
        List<StepRow> late = steps.stream().filter(StepRow::late).sorted(Comparator.comparing(StepRow::plannedStart)).toList();
        columns.add(column("Late", "now-late", late, s -> lateBy(s, now), "Nothing late."));
        return columns;
    }

    private static Instant expectedStart(StepRow step) {
        return step.actualStart() != null ? step.actualStart() : step.forecastStart() != null ? step.forecastStart() : step.plannedStart();
    }

    private Column column(String title, String className, List<StepRow> steps, Function<StepRow, Timing> timing, String empty) {
        List<Card> cards = steps.stream().limit(shown)
                .map(s -> new Card(s.key(), RunbookTable.number(s), s.title(), owners(s), timing.apply(s), s.late(), s.mine(),
                        actions.primary(s)))
                .toList();
        return new Column(title, className, cards, steps.size(), empty);
    }

    private Div draw(Column model) {
        Div column = new Div();
        column.addClassNames("now-column", model.className());
        H3 heading = new H3(model.title() + (model.total() > 0 ? " (" + model.total() + ")" : ""));
        heading.addClassName("now-heading");
        column.add(heading);
        Map<String, Button> unused = new HashMap<>();
        buttons.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(model.className() + " ")) {
                unused.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        if (model.cards().isEmpty()) {
            Span none = new Span(model.empty());
            none.addClassName("now-empty");
            column.add(none);
            return column;
        }
        model.cards().forEach(card -> column.add(card(model.className(), card, unused)));
        if (model.total() > shown) {
            Span more = new Span("and " + (model.total() - shown) + " more in the runbook below");
            more.addClassName("now-more");
            column.add(more);
        }
        return column;
    }

    private Div card(String columnClass, Card model, Map<String, Button> unused) {
        Div card = new Div();
        card.addClassName("now-card");
        if (model.late()) {
            card.addClassName("now-card-late");
        }
        if (model.mine()) {
            card.addClassName("now-card-mine");
        }
        Span title = new Span("#" + model.number() + " " + model.title());
        title.addClassName("now-card-title");
        Span owners = new Span(model.owners());
        owners.addClassName("now-card-owners");
        Span timing = new Span(model.timing().text());
        model.timing().classes().forEach(timing::addClassName);
        if (model.timing().since() != null) {
            timing.getElement().setAttribute("data-since", String.valueOf(model.timing().since()));
            timing.getElement().setAttribute("data-planned", String.valueOf(model.timing().planned()));
        }
        card.add(title, owners, timing);
        StepActions.Action primary = model.primary();
        if (primary != null) {
            card.add(button(columnClass + " " + model.key() + " " + primary, model, primary, unused));
        }
        return card;
    }

    /** The card's one-click action: the button drawn last time for this column, step and action, or a new one. */
    private Button button(String id, Card card, StepActions.Action primary, Map<String, Button> unused) {
        Button button = unused.remove(id);
        if (button == null) {
            UUID key = card.key();
            // The step as last read when clicked: the button outlives the redraw that drew it.
            button = new Button(primary.label, e -> current(key).filter(s -> actions.primary(s) == primary).ifPresent(s -> actions.run(primary, s)));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            if (primary == StepActions.Action.DONE) {
                button.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            }
            button.addClassName("now-card-action");
        }
        button.getElement().setAttribute("aria-label", primary.label + " “" + card.title() + "”");
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
    private static Timing timing(StepRow step, Instant now, RunTimes times) {
        if (step.state() == StepState.IN_PROGRESS && step.actualStart() != null) {
            Duration elapsed = Duration.between(step.actualStart(), now);
            List<String> classes = elapsed.toMinutes() > step.durationMinutes()
                    ? List.of("now-card-time", "elapsed", "over") : List.of("now-card-time", "elapsed");
            return new Timing(elapsedText(elapsed, step.durationMinutes()), classes, step.actualStart().toEpochMilli(), step.durationMinutes());
        }
        Instant expected = Objects.requireNonNullElse(step.forecastStart(), step.plannedStart());
        String text = (step.state() == StepState.READY ? "Ready · planned " + times.planned(step.plannedStart()) : "Expected " + times.both(expected))
                + (step.state() == StepState.WAITING && !step.waitingFor().isEmpty() ? " · after " + String.join(", ", step.waitingFor()) : "");
        return new Timing(text, List.of("now-card-time"), null, 0);
    }

    /** "0:42 of 1:00" — the browser's clock keeps it current (see the run view's script). */
    static String elapsedText(Duration elapsed, int plannedMinutes) {
        return RunTimes.hoursMinutes(elapsed.isNegative() ? Duration.ZERO : elapsed) + " of " + RunTimes.hoursMinutes(Duration.ofMinutes(plannedMinutes));
    }

    private static Timing lateBy(StepRow step, Instant now) {
        boolean running = step.state() == StepState.IN_PROGRESS;
        Duration by = Duration.between(running ? step.plannedFinish() : step.plannedStart(), now);
        long minutes = Math.max(1, by.toMinutes());
        String text = (running ? "Should have finished " : "Should have started ") + app.cadence.template.domain.RelativeTime.formatDuration(
                (int) Math.min(minutes, app.cadence.template.domain.RelativeTime.LIMIT_MINUTES)) + " ago";
        return new Timing(text, List.of("now-card-time", "late-text"), null, 0);
    }
}
