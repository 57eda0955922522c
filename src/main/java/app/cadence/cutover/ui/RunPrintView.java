package app.cadence.cutover.ui;

import app.cadence.cutover.service.RunRecord;
import app.cadence.cutover.service.RunRecords;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunTimeText;
import app.cadence.cutover.service.RunbookColumn;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's runbook as a page to print: the run's header and one row per step with the
 * spreadsheet's columns ({@link RunbookColumn}). No navigation around it ({@code autoLayout =
 * false}); the stylesheet's {@code @media print} rules hide the buttons and fit the table to a
 * landscape page.
 */
@Route(value = RunPrintView.ROUTE, autoLayout = false)
@RolesAllowed(RoleSets.MEMBERS)
public class RunPrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "runs/:runId(^[0-9]{1,18}$)/print";

    private final RunRecords records;
    private String title = "Runbook · Cadence";

    RunPrintView(RunRecords records) {
        this.records = records;
        addClassName("run-print");
    }

    static String path(Long runId) {
        return "runs/" + runId + "/print";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> runId = event.getRouteParameters().getLong("runId");
        RunRecord run;
        try {
            run = records.read(runId.orElseThrow(NotFoundException::new), false);
        } catch (RecordNotFoundException | NotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        RunScreen.Header h = run.header();
        title = h.name() + " · " + h.projectKey() + " · Runbook · Cadence";
        Button print = new Button("Print", VaadinIcon.PRINT.create(), e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        Anchor back = new Anchor("runs/" + h.id(), "Back to the run");
        Div actions = new Div(print, back);
        actions.addClassNames("run-print-actions", "no-print");
        add(actions, new H1(h.name() + " — " + h.projectKey() + " " + h.projectName()), facts(run), table(run));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private static Div facts(RunRecord run) {
        RunScreen.Header h = run.header();
        RunTimeText times = run.times();
        RunTimeText planned = new RunTimeText(h.plannedT0(), h.zone());
        Div facts = new Div();
        facts.addClassName("run-print-facts");
        fact(facts, "Runbook", h.instanceName());
        fact(facts, "Run", h.name() + " (" + RunReport.kindLabel(h.kind()).toLowerCase(Locale.ROOT) + ")");
        fact(facts, "State", h.outcome() != null ? h.outcome().label() : h.state().label());
        fact(facts, "Run lead", h.leadName());
        fact(facts, "Planned T0", planned.full(h.plannedT0()));
        fact(facts, "Actual T0", h.actualT0() == null ? "Not started" : times.full(h.actualT0()));
        fact(facts, "Planned end", planned.onClock(h.plannedEnd()) + " · " + planned.full(h.plannedEnd()));
        fact(facts, h.endedAt() != null ? "Last step finished" : "Forecast end", times.onClock(h.forecastEnd()) + " · " + times.full(h.forecastEnd()));
        fact(facts, "Variance", RunTimeText.variance(h.variance()));
        fact(facts, "Steps done", h.stepsDone() + " of " + h.stepsCounted());
        if (h.rollback() != null) {
            fact(facts, "Rollback", "invoked by " + h.rollback().by() + ", " + times.full(h.rollback().at()) + ": " + h.rollback().reason());
        }
        facts.add(new Paragraph("Times in " + h.zone().getId() + ". Variance is the finish against the planned finish (positive is late)."));
        return facts;
    }

    private static void fact(Div facts, String label, String value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div fact = new Div(name, text);
        fact.addClassName("run-print-fact");
        facts.add(fact);
    }

    private static NativeTable table(RunRecord run) {
        NativeTable table = new NativeTable();
        table.addClassName("run-print-table");
        NativeTableRow head = table.getHead().addRow();
        for (RunbookColumn column : RunbookColumn.values()) {
            head.addHeaderCell().setText(column.header());
        }
        for (RunScreen.StepRow step : run.steps()) {
            NativeTableRow row = table.getBody().addRow();
            row.addClassName("state-" + step.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            for (RunbookColumn column : RunbookColumn.values()) {
                NativeTableCell cell = row.addDataCell();
                cell.setText(column.text(run, step));
                if (column == RunbookColumn.VARIANCE && step.variance() != null && RunTimeText.minutes(step.variance()) > 0) {
                    cell.addClassName("variance-late");
                }
            }
        }
        return table;
    }
}
