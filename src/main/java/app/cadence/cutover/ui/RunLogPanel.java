package app.cadence.cutover.ui;

import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.LogLine;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Objects;

/**
 * The run log, newest first: when (clock and T-relative), who, what, the reason, overrides marked.
 * A change adds a line or two at the top; only those are drawn, the rest stay as they are.
 */
final class RunLogPanel extends Div {

    private final Div lines = new Div();
    private final Span empty = new Span("Nothing recorded yet.");
    private final Span more = new Span("The latest " + RunReading.LOG_SHOWN + " entries; the run report has them all.");
    private List<LogLine> drawn = List.of();
    /** T0 and the zone the drawn lines' times are relative to. */
    private List<Object> drawnWith = List.of();

    RunLogPanel() {
        addClassNames("run-panel", "log-panel");
        lines.addClassName("log-lines");
        more.addClassName("hint");
        add(new H3("Run log"), lines, empty, more);
    }

    void show(RunScreen screen) {
        RunTimes times = new RunTimes(screen.header().t0(), screen.header().zone());
        List<LogLine> log = screen.log();
        List<Object> with = List.of(screen.header().t0(), screen.header().zone());
        int added = added(drawn, log);
        if (added < 0 || !with.equals(drawnWith)) {
            lines.removeAll();
            log.forEach(line -> lines.add(row(line, times)));
        } else {
            for (int i = added - 1; i >= 0; i--) {
                lines.addComponentAsFirst(row(log.get(i), times));
            }
            while (lines.getComponentCount() > log.size()) {
                lines.remove(lines.getComponentAt(lines.getComponentCount() - 1));
            }
        }
        drawn = log;
        drawnWith = with;
        empty.setVisible(log.isEmpty());
        more.setVisible(log.size() >= RunReading.LOG_SHOWN);
    }

    /**
     * How many lines {@code now} has on top of those drawn, or −1 when it is not the drawn log with
     * lines added at the top (the first drawing, or lines gone) and must be drawn whole.
     */
    static int added(List<LogLine> drawn, List<LogLine> now) {
        if (drawn.isEmpty()) {
            return now.isEmpty() ? 0 : -1;
        }
        int at = now.indexOf(drawn.getFirst());
        if (at < 0) {
            return -1;
        }
        int overlap = Math.min(drawn.size(), now.size() - at);
        return now.subList(at, at + overlap).equals(drawn.subList(0, overlap)) ? at : -1;
    }

    private static Div row(LogLine line, RunTimes times) {
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
            Span reason = new Span(Objects.requireNonNull(line.reason()));
            reason.addClassName("log-reason");
            row.add(reason);
        }
        return row;
    }
}
