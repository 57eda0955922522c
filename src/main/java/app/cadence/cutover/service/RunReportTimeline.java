package app.cadence.cutover.service;

import app.cadence.template.domain.SectionRole;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report's planned-versus-actual timeline: one row per section (its whole span) and, under
 * it, its steps — every step of a runbook of up to {@value #EVERY_STEP_UP_TO} steps, only those on
 * the critical path of a larger one, so that a 500-step runbook stays readable. It is a table whose
 * bar cells draw themselves, so it breaks across pages like any table and repeats its time axis.
 * The rollback branch is left out until rollback is invoked, as the forecast leaves it out.
 */
final class RunReportTimeline {

    static final int EVERY_STEP_UP_TO = 60;
    static final Color PLANNED = new Color(0xbd, 0xbd, 0xbd);
    static final Color ON_TIME = new Color(0x2e, 0x7d, 0x32);
    static final Color LATE = new Color(0xc6, 0x28, 0x28);
    static final Color FORECAST = new Color(0x90, 0xca, 0xf9);
    private static final int[] TICK_MINUTES = {15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080, 20160};

    /** A row: its label, planned span and actual-or-forecast span. */
    record Bar(String label, boolean section, Instant plannedStart, Instant plannedFinish, @Nullable Instant actualStart,
               @Nullable Instant actualFinish, @Nullable Instant forecastStart, @Nullable Instant forecastFinish, @Nullable Duration variance) {
    }

    private RunReportTimeline() {
    }

    /** Whether only the critical path is shown under each section. */
    static boolean criticalOnly(RunRecord run) {
        return shownSteps(run).size() > EVERY_STEP_UP_TO;
    }

    static PdfPTable table(RunRecord run) {
        List<Bar> bars = bars(run);
        Instant from = bars.stream().map(RunReportTimeline::earliest).min(Instant::compareTo).orElse(run.header().plannedT0());
        Instant to = bars.stream().map(RunReportTimeline::latest).max(Instant::compareTo).orElse(run.header().plannedEnd());
        Duration pad = Duration.between(from, to).dividedBy(50).plusMinutes(1);
        Axis axis = new Axis(from.minus(pad), to.plus(pad), run.header().plannedT0());

        PdfPTable table = new PdfPTable(new float[] {28, 72});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(plain(new PdfPCell(new Phrase("Section / step", app.cadence.shared.PdfFonts.bold(7)))));
        PdfPCell scale = plain(new PdfPCell(new Phrase(" ", app.cadence.shared.PdfFonts.regular(7))));
        scale.setMinimumHeight(16);
        scale.setCellEvent((cell, position, canvases) -> axis.drawTicks(position, canvases[PdfPTable.TEXTCANVAS]));
        table.addCell(scale);
        for (Bar bar : bars) {
            PdfPCell label = plain(new PdfPCell(new Phrase(bar.label(), bar.section() ? app.cadence.shared.PdfFonts.bold(7) : app.cadence.shared.PdfFonts.regular(7))));
            label.setPaddingLeft(bar.section() ? 2 : 10);
            label.setMinimumHeight(13);
            table.addCell(label);
            PdfPCell cell = plain(new PdfPCell(new Phrase(" ", app.cadence.shared.PdfFonts.regular(7))));
            cell.setMinimumHeight(13);
            cell.setCellEvent(new BarDrawing(bar, axis));
            table.addCell(cell);
        }
        return table;
    }

    private static List<RunScreen.StepRow> shownSteps(RunRecord run) {
        boolean rollbackInvoked = run.header().rollback() != null;
        return run.steps().stream().filter(s -> rollbackInvoked || s.sectionRole() != SectionRole.ROLLBACK).toList();
    }

    static List<Bar> bars(RunRecord run) {
        List<RunScreen.StepRow> steps = shownSteps(run);
        boolean criticalOnly = steps.size() > EVERY_STEP_UP_TO;
        Map<String, List<RunScreen.StepRow>> sections = new LinkedHashMap<>();
        steps.forEach(s -> sections.computeIfAbsent(s.sectionTitle(), k -> new ArrayList<>()).add(s));
        List<Bar> bars = new ArrayList<>();
        sections.forEach((title, members) -> {
            bars.add(sectionBar(title, members));
            members.stream().filter(s -> !criticalOnly || s.critical()).forEach(s -> bars.add(new Bar((s.position() + 1) + ". " + s.title(), false,
                    s.plannedStart(), s.plannedFinish(), s.actualStart(), s.actualFinish(), s.forecastStart(), s.forecastFinish(), s.variance())));
        });
        return bars;
    }

    /** A section's span: from its first step's start to its last step's finish, planned and actual or forecast. */
    private static Bar sectionBar(String title, List<RunScreen.StepRow> steps) {
        Instant plannedStart = steps.stream().map(RunScreen.StepRow::plannedStart).min(Instant::compareTo).orElseThrow();
        Instant plannedFinish = steps.stream().map(RunScreen.StepRow::plannedFinish).max(Instant::compareTo).orElseThrow();
        Instant actualStart = steps.stream().map(RunScreen.StepRow::actualStart).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        boolean allFinished = steps.stream().allMatch(s -> s.actualFinish() != null || s.forecastFinish() == null);
        Instant actualFinish = allFinished && actualStart != null
                ? steps.stream().map(RunScreen.StepRow::actualFinish).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null) : null;
        Instant forecastStart = steps.stream().map(RunScreen.StepRow::forecastStart).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        Instant forecastFinish = steps.stream().map(RunScreen.StepRow::forecastFinish).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        Duration variance = forecastFinish == null ? null : Duration.between(plannedFinish, forecastFinish);
        return new Bar(title, true, plannedStart, plannedFinish, actualStart, actualFinish, forecastStart, forecastFinish, variance);
    }

    private static Instant earliest(Bar bar) {
        Instant at = bar.plannedStart();
        for (Instant other : new Instant[] {bar.actualStart(), bar.forecastStart()}) {
            if (other != null && other.isBefore(at)) {
                at = other;
            }
        }
        return at;
    }

    private static Instant latest(Bar bar) {
        Instant at = bar.plannedFinish();
        for (Instant other : new Instant[] {bar.actualFinish(), bar.forecastFinish()}) {
            if (other != null && other.isAfter(at)) {
                at = other;
            }
        }
        return at;
    }

    private static PdfPCell plain(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xee, 0xee, 0xee));
        cell.setPaddingTop(2);
        cell.setPaddingBottom(2);
        return cell;
    }

    /** The time scale shared by every row: where a moment falls across a cell, and the ticks from T0. */
    private record Axis(Instant from, Instant to, Instant plannedT0) {

        float x(Rectangle cell, Instant at) {
            double span = Math.max(1, Duration.between(from, to).getSeconds());
            double share = Duration.between(from, at).getSeconds() / span;
            return (float) (cell.getLeft() + 4 + Math.max(0, Math.min(1, share)) * (cell.getWidth() - 8));
        }

        int tickMinutes() {
            long minutes = Duration.between(from, to).toMinutes();
            for (int step : TICK_MINUTES) {
                if (minutes / step <= 10) {
                    return step;
                }
            }
            return TICK_MINUTES[TICK_MINUTES.length - 1];
        }

        /** Ticks every round interval from the planned T0, labelled in T-notation. */
        void drawTicks(Rectangle cell, PdfContentByte canvas) {
            int step = tickMinutes();
            long first = Math.floorDiv(Duration.between(plannedT0, from).toMinutes(), step) + 1;
            long last = Math.floorDiv(Duration.between(plannedT0, to).toMinutes(), step);
            canvas.saveState();
            canvas.setColorStroke(Color.GRAY);
            canvas.setLineWidth(0.5f);
            for (long k = first; k <= last; k++) {
                float x = x(cell, plannedT0.plus(Duration.ofMinutes(k * step)));
                canvas.moveTo(x, cell.getBottom());
                canvas.lineTo(x, cell.getBottom() + 3);
                canvas.stroke();
                canvas.beginText();
                canvas.setFontAndSize(app.cadence.shared.PdfFonts.base(), 6);
                canvas.setColorFill(Color.DARK_GRAY);
                canvas.showTextAligned(Element.ALIGN_CENTER, RunTimeText.offset((int) (k * step)), x, cell.getBottom() + 5, 0);
                canvas.endText();
            }
            canvas.restoreState();
        }

        /** The planned T0 as a dashed line through a row. */
        void drawT0(Rectangle cell, PdfContentByte canvas) {
            float x = x(cell, plannedT0);
            canvas.saveState();
            canvas.setColorStroke(Color.GRAY);
            canvas.setLineWidth(0.4f);
            canvas.setLineDash(1.5f, 1.5f, 0);
            canvas.moveTo(x, cell.getBottom());
            canvas.lineTo(x, cell.getTop());
            canvas.stroke();
            canvas.restoreState();
        }
    }

    /**
     * One row's bars: the plan in grey above; below it what happened — green when it finished on
     * time or early, red when late — and the forecast of what has not finished in light blue.
     */
    private record BarDrawing(Bar bar, Axis axis) implements PdfPCellEvent {

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
            float middle = (position.getTop() + position.getBottom()) / 2;
            float thickness = bar.section() ? 4 : 3.5f;
            axis.drawT0(position, canvas);
            rect(canvas, position, bar.plannedStart(), bar.plannedFinish(), middle + 0.5f, thickness, PLANNED, true);
            boolean late = bar.variance() != null && RunTimeText.minutes(bar.variance()) > 0;
            if (bar.actualStart() != null) {
                Instant actualEnd = bar.actualFinish() != null ? bar.actualFinish() : bar.forecastFinish();
                if (bar.actualFinish() != null) {
                    rect(canvas, position, bar.actualStart(), bar.actualFinish(), middle - 0.5f - thickness, thickness, late ? LATE : ON_TIME, true);
                } else if (actualEnd != null) {
                    rect(canvas, position, bar.actualStart(), actualEnd, middle - 0.5f - thickness, thickness, FORECAST, true);
                }
            } else if (bar.forecastStart() != null && bar.forecastFinish() != null) {
                rect(canvas, position, bar.forecastStart(), bar.forecastFinish(), middle - 0.5f - thickness, thickness, late ? LATE : FORECAST, false);
            }
        }

        private void rect(PdfContentByte canvas, Rectangle cell, Instant start, Instant finish, float y, float height, Color colour, boolean filled) {
            float left = axis.x(cell, start);
            float width = Math.max(1.2f, axis.x(cell, finish) - left); // a milestone still shows
            canvas.saveState();
            if (filled) {
                canvas.setColorFill(colour);
                canvas.rectangle(left, y, width, height);
                canvas.fill();
            } else {
                canvas.setColorStroke(colour);
                canvas.setLineWidth(0.6f);
                canvas.rectangle(left, y, width, height);
                canvas.stroke();
            }
            canvas.restoreState();
        }
    }
}
