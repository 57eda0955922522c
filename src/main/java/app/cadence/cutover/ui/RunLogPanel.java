package app.cadence.cutover.ui;

import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.LogLine;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** The run log, newest first: when (clock and T-relative), who, what, the reason, overrides marked. */
final class RunLogPanel extends Div {

    RunLogPanel() {
        addClassNames("run-panel", "log-panel");
    }

    void show(RunScreen screen) {
        removeAll();
        add(new H3("Run log"));
        RunTimes times = new RunTimes(screen.header().t0(), screen.header().zone());
        Div lines = new Div();
        lines.addClassName("log-lines");
        for (LogLine line : screen.log()) {
            Span at = new Span(RunTimes.TIME.format(line.at().atZone(times.zone())) + " · " + times.relative(line.at()));
            at.addClassName("log-at");
            at.getElement().setAttribute("title", times.full(line.at()));
            Span by = new Span(line.by());
            by.addClassName("log-by");
            Span what = new Span(line.what());
            what.addClassName("log-what");
            Div row = new Div(at, by, what);
            row.addClassName("log-line");
            if (line.override()) {
                Span override = new Span("override");
                override.addClassName("log-override");
                row.add(override);
                row.addClassName("log-line-override");
            }
            if (line.reason() != null) {
                Span reason = new Span(line.reason());
                reason.addClassName("log-reason");
                row.add(reason);
            }
            lines.add(row);
        }
        if (screen.log().isEmpty()) {
            lines.add(new Span("Nothing recorded yet."));
        }
        if (screen.log().size() >= RunReading.LOG_SHOWN) {
            Span more = new Span("The latest " + RunReading.LOG_SHOWN + " entries; the run report has them all.");
            more.addClassName("hint");
            lines.add(more);
        }
        add(lines);
    }
}
