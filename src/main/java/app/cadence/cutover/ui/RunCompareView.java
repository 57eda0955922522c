package app.cadence.cutover.ui;

import app.cadence.cutover.service.RunComparison;
import app.cadence.cutover.service.RunComparison.Comparison;
import app.cadence.cutover.service.RunComparison.Side;
import app.cadence.cutover.service.RunComparison.StepDifference;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunTimeText;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Two runs of one runbook side by side ({@code runs/compare?a=…&b=…}, reached from a run's
 * "Compare with…"): each step's actual duration in both, the difference, and each run's variance
 * against its plan. Runs of different runbooks get a sentence saying why they cannot be compared.
 */
@Route(RunCompareView.ROUTE)
@PageTitle("Compare runs · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class RunCompareView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "runs/compare";

    private final RunComparison comparison;

    RunCompareView(RunComparison comparison) {
        this.comparison = comparison;
        addClassName("run-compare");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> a = number(event, "a");
        Optional<Long> b = number(event, "b");
        if (a.isEmpty() || b.isEmpty()) {
            add(new H2("Compare runs"), refusal("Choose two runs of the same runbook to compare: open a run and use “Compare with…”."));
            return;
        }
        Comparison compared;
        try {
            compared = comparison.compare(a.get(), b.get());
        } catch (RecordNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (RuleViolationException e) {
            add(new H2("Compare runs"), refusal(e.getMessage()));
            return;
        }
        show(compared);
    }

    private void show(Comparison c) {
        Anchor runbook = new Anchor("instances/" + c.instanceId(), c.projectKey() + " · " + c.instanceName());
        add(runbook, new H2(c.first().name() + " compared with " + c.second().name()));
        add(sides(c));
        Paragraph help = new Paragraph("“Took” is each step's actual duration (finish − start); the difference is the second run less the first, "
                + "positive when the step took longer. Variance is the step's finish against its planned finish in that run (positive is late; "
                + "forecast while a run is under way). Times in " + c.zone().getId() + ".");
        help.addClassName("hint");
        add(help, grid(c));
    }

    private static Div sides(Comparison c) {
        Div sides = new Div();
        sides.addClassName("run-compare-sides");
        for (Side side : List.of(c.first(), c.second())) {
            RunTimeText times = new RunTimeText(side.actualT0() != null ? side.actualT0() : side.plannedT0(), c.zone());
            Div card = new Div();
            card.addClassName("run-compare-side");
            card.add(new Anchor("runs/" + side.runId(), side.name()));
            card.add(line(RunReport.kindLabel(side.kind()) + " · " + (side.outcome() != null ? side.outcome().label() : side.state().label())));
            card.add(line("T0 " + (side.actualT0() != null ? times.full(side.actualT0()) : times.full(side.plannedT0()) + " (planned)")));
            card.add(line("Elapsed " + RunTimeText.hoursMinutes(side.elapsed()) + " · variance " + RunTimeText.variance(side.variance())));
            sides.add(card);
        }
        return sides;
    }

    private static Span line(String text) {
        Span span = new Span(text);
        span.addClassName("run-compare-line");
        return span;
    }

    private static Grid<StepDifference> grid(Comparison c) {
        Grid<StepDifference> grid = new Grid<>();
        grid.addClassName("run-compare-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> s.position() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StepDifference::sectionTitle).setHeader("Section").setAutoWidth(true);
        grid.addColumn(StepDifference::title).setHeader("Step").setFlexGrow(3);
        grid.addColumn(s -> RunTimeText.hoursMinutes(Duration.ofMinutes(s.plannedMinutes()))).setHeader("Planned").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> RunTimeText.hoursMinutes(s.firstTook())).setHeader("Took in " + c.first().name()).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> RunTimeText.hoursMinutes(s.secondTook())).setHeader("Took in " + c.second().name()).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> RunTimeText.difference(s.difference())).setHeader("Difference").setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(s -> lateness(s.difference()));
        grid.addColumn(s -> RunTimeText.variance(s.firstVariance())).setHeader("Variance, " + c.first().name())
                .setPartNameGenerator(s -> lateness(s.firstVariance()));
        grid.addColumn(s -> RunTimeText.variance(s.secondVariance())).setHeader("Variance, " + c.second().name())
                .setPartNameGenerator(s -> lateness(s.secondVariance()));
        // A runbook has at most 2,000 steps, read whole by the comparison: the grid pages through them in the browser.
        grid.setItems(c.steps());
        grid.setAllRowsVisible(c.steps().size() <= 30);
        grid.setWidthFull();
        return grid;
    }

    private static @Nullable String lateness(@Nullable Duration duration) {
        if (duration == null) {
            return null;
        }
        long minutes = RunTimeText.minutes(duration);
        return minutes > 0 ? "variance-late" : minutes < 0 ? "variance-early" : null;
    }

    private static Paragraph refusal(String message) {
        Paragraph p = new Paragraph(message);
        p.addClassName("compare-refused");
        return p;
    }

    private static Optional<Long> number(BeforeEnterEvent event, String name) {
        return event.getLocation().getQueryParameters().getSingleParameter(name).flatMap(v -> {
            try {
                return Optional.of(Long.valueOf(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
