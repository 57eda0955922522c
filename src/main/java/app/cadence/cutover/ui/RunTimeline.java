package app.cadence.cutover.ui;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.StepRow;
import app.cadence.template.domain.TMinusNotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The planned-versus-actual timeline of a run, drawn on the server as SVG text: one row per step
 * with its planned bar, its actual bar (done green, in progress blue, failed red) and its
 * forecast (outlined; red on the critical path), a tick every so often labelled relative to T0,
 * the T0 line and a "now" line. Every piece of text is escaped here, so nothing a user typed
 * becomes markup. Sized for scrolling: 16 px a row, so a 500-step runbook is one tall picture.
 */
final class RunTimeline {

    static final int WIDTH = 1200;
    static final int LABEL = 260;
    static final int ROW = 16;
    static final int TOP = 34;
    private static final int RIGHT = 12;
    private static final int LABEL_CHARS = 38;
    private static final long[] TICK_MINUTES = {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};

    private RunTimeline() {
    }

    static String svg(RunScreen screen) {
        return svg(screen, null);
    }

    /**
     * @param around null for the whole run; otherwise the time either side of now (once the run
     *               has started) or of T0 (before) — a cutover with weeks of hypercare is otherwise
     *               a few pixels wide
     */
    static String svg(RunScreen screen, @Nullable Duration around) {
        RunScreen.Header header = screen.header();
        Instant asOf = header.endedAt() != null ? header.endedAt() : header.now();
        List<StepRow> steps = screen.steps();
        Instant from = header.t0();
        Instant to = header.t0().plus(Duration.ofMinutes(1));
        for (StepRow s : steps) {
            for (Instant at : Stream.of(s.plannedStart(), s.plannedFinish(), s.actualStart(), s.actualFinish(), s.forecastStart(), s.forecastFinish()).toList()) {
                if (at != null) {
                    from = at.isBefore(from) ? at : from;
                    to = at.isAfter(to) ? at : to;
                }
            }
        }
        boolean started = steps.stream().anyMatch(s -> s.actualStart() != null);
        if (started) {
            from = asOf.isBefore(from) ? asOf : from;
            to = asOf.isAfter(to) ? asOf : to;
        }
        long span = Math.max(60, Duration.between(from, to).getSeconds());
        from = from.minusSeconds(span / 40);
        to = to.plusSeconds(span / 40);
        if (around != null) {
            Instant centre = started ? asOf : header.t0();
            from = centre.minus(around);
            to = centre.plus(around);
        }
        Scale x = new Scale(from, to);
        int height = TOP + Math.max(1, steps.size()) * ROW + 8;
        boolean rollbackInvoked = header.rollback() != null;

        StringBuilder svg = new StringBuilder(steps.size() * 420 + 2000);
        String title = "Planned and actual timeline of " + header.name();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"run-timeline-svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"sans-serif\"><title>").append(escape(title)).append("</title>");
        legend(svg);
        ticks(svg, x, header.t0(), height);
        for (int i = 0; i < steps.size(); i++) {
            row(svg, x, steps.get(i), TOP + i * ROW, asOf, rollbackInvoked);
        }
        if (x.shows(header.t0(), header.t0())) {
            line(svg, x.at(header.t0()), height, "#37474f", "", true);
        }
        if (started && header.endedAt() == null && x.shows(asOf, asOf)) {
            line(svg, x.at(asOf), height, "#d32f2f", "now", false);
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg) {
        svg.append("<g font-size=\"10\" fill=\"#555\">")
                .append("<rect x=\"4\" y=\"4\" width=\"14\" height=\"5\" fill=\"#b0bec5\"/><text x=\"22\" y=\"10\">planned</text>")
                .append("<rect x=\"72\" y=\"4\" width=\"14\" height=\"6\" fill=\"#2e7d32\"/><text x=\"90\" y=\"10\">done</text>")
                .append("<rect x=\"124\" y=\"4\" width=\"14\" height=\"6\" fill=\"#1565c0\"/><text x=\"142\" y=\"10\">in progress</text>")
                .append("<rect x=\"200\" y=\"4\" width=\"14\" height=\"6\" fill=\"none\" stroke=\"#1565c0\" stroke-dasharray=\"3 2\"/><text x=\"218\" y=\"10\">forecast</text>")
                .append("<rect x=\"4\" y=\"16\" width=\"14\" height=\"6\" fill=\"none\" stroke=\"#c62828\" stroke-dasharray=\"3 2\"/><text x=\"22\" y=\"22\">critical path</text>")
                .append("</g>");
    }

    private static void ticks(StringBuilder svg, Scale x, Instant t0, int height) {
        long minutes = Duration.between(x.from, x.to).toMinutes();
        long step = TICK_MINUTES[TICK_MINUTES.length - 1];
        for (long candidate : TICK_MINUTES) {
            if (minutes / candidate <= 12) {
                step = candidate;
                break;
            }
        }
        long first = Math.floorDiv(Duration.between(t0, x.from).toMinutes(), step) * step;
        svg.append("<g font-size=\"10\" fill=\"#666\">");
        for (long m = first; ; m += step) {
            Instant at = t0.plus(Duration.ofMinutes(m));
            if (at.isAfter(x.to)) {
                break;
            }
            if (at.isBefore(x.from)) {
                continue;
            }
            double px = x.at(at);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eceff1\"/>", px, TOP - 4, px, height));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, TOP - 8,
                    escape(TMinusNotation.offset((int) m))));
        }
        svg.append("</g>");
    }

    private static void row(StringBuilder svg, Scale x, StepRow s, int y, Instant asOf, boolean rollbackInvoked) {
        boolean idle = s.rollback() && !rollbackInvoked || s.state() == StepState.ABANDONED;
        String label = "#" + RunbookTable.number(s) + " " + s.title();
        if (label.length() > LABEL_CHARS) {
            label = label.substring(0, LABEL_CHARS - 1) + "…";
        }
        svg.append("<g>");
        svg.append("<title>").append(escape(s.title() + " — " + s.state().label()
                + (s.ownerRole() == null ? "" : " — " + s.ownerRole()))).append("</title>");
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\" fill=\"%s\"%s>%s</text>", y + 11,
                idle ? "#9e9e9e" : s.late() ? "#c62828" : "#263238", s.critical() ? " font-weight=\"bold\"" : "", escape(label)));
        if (x.shows(s.plannedStart(), s.plannedFinish())) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"5\" fill=\"%s\"/>",
                    x.at(s.plannedStart()), y + 2, x.width(s.plannedStart(), s.plannedFinish()), idle ? "#e0e0e0" : "#b0bec5"));
        }
        if (s.actualStart() != null) {
            Instant end = s.actualFinish() != null ? s.actualFinish() : asOf;
            String fill = switch (s.state()) {
                case DONE -> "#2e7d32";
                case FAILED -> "#c62828";
                case SKIPPED, ABANDONED -> "#9e9e9e";
                default -> "#1565c0";
            };
            if (x.shows(s.actualStart(), end)) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"%s\"/>",
                        x.at(s.actualStart()), y + 8, x.width(s.actualStart(), end), fill));
            }
        }
        boolean finished = s.actualFinish() != null || s.state() == StepState.ABANDONED;
        if (!finished && s.forecastStart() != null && s.forecastFinish() != null) {
            Instant start = s.actualStart() != null && asOf.isAfter(s.forecastStart()) ? asOf : s.forecastStart();
            if (s.forecastFinish().isAfter(start) && x.shows(start, s.forecastFinish())) {
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"none\" stroke=\"%s\" stroke-dasharray=\"3 2\"/>",
                        x.at(start), y + 8, x.width(start, s.forecastFinish()), idle ? "#bdbdbd" : s.critical() ? "#c62828" : "#1565c0"));
            }
        }
        svg.append("</g>");
    }

    private static void line(StringBuilder svg, double px, int height, String colour, String label, boolean dashed) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"%s/>",
                px, TOP - 6, px, height, colour, dashed ? " stroke-dasharray=\"4 3\"" : ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" font-weight=\"bold\" fill=\"%s\">%s</text>",
                px + 3, TOP - 18, colour, escape(label)));
    }

    /** Maps moments to x positions in the chart area. */
    private record Scale(Instant from, Instant to) {

        /** The x of a moment, held to the chart's edges when outside the window shown. */
        double at(Instant at) {
            double total = Math.max(1, Duration.between(from, to).toMillis());
            Instant held = at.isBefore(from) ? from : at.isAfter(to) ? to : at;
            return LABEL + (WIDTH - LABEL - RIGHT) * (Duration.between(from, held).toMillis() / total);
        }

        /** Whether any of the span falls in the window shown. */
        boolean shows(Instant start, Instant end) {
            return !end.isBefore(from) && !start.isAfter(to);
        }

        double width(Instant start, Instant end) {
            return Math.max(2, at(end) - at(start));
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
