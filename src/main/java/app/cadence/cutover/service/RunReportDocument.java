package app.cadence.cutover.service;

import app.cadence.cutover.domain.RunState;
import app.cadence.template.domain.SectionRole;
import com.lowagie.text.Anchor;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes one run report: the summary (planned and actual T0 and end, variance, outcome, lead,
 * open conditions, hypercare exit), the planned-versus-actual timeline, every step (planned,
 * actual, variance, who, evidence, reason), the go/no-go decisions with each approver's vote and
 * the conditions set and whether they were met, the overrides, the rollback, hypercare (each
 * check's dated occurrences and the exit sign-off), the roster and the whole run log. A4
 * landscape; long tables break across pages with their headings.
 */
final class RunReportDocument {

    private static final Font TITLE = app.cadence.shared.PdfFonts.bold(17);
    private static final Font HEADING = app.cadence.shared.PdfFonts.bold(12);
    private static final Font BODY = app.cadence.shared.PdfFonts.regular(8.5f);
    private static final Font SMALL = app.cadence.shared.PdfFonts.regular(7.5f);
    private static final Font SMALL_BOLD = app.cadence.shared.PdfFonts.bold(7.5f);
    private static final Font LINK = app.cadence.shared.PdfFonts.coloured(7.5f, Font.UNDERLINE, new Color(0x15, 0x65, 0xc0));
    private static final Color HEADER_FILL = new Color(0xee, 0xee, 0xee);
    private static final Color SECTION_FILL = new Color(0xf5, 0xf7, 0xfa);
    private static final Color BORDER = new Color(0xdd, 0xdd, 0xdd);
    /** Steps written to the document at a time: OpenPDF lays out and lets go of each chunk. */
    private static final int CHUNK = 100;

    private final RunRecord run;
    private final HypercareBoard hypercare;
    private final RunScreen.Header header;
    private final RunTimeText times;
    private final RunTimeText planned;
    private final Instant madeAt;

    RunReportDocument(RunRecord run, HypercareBoard hypercare, Instant madeAt) {
        this.run = run;
        this.hypercare = hypercare;
        this.header = run.header();
        this.times = run.times();
        this.planned = new RunTimeText(header.plannedT0(), header.zone());
        this.madeAt = madeAt;
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 34);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(header.projectKey() + " · " + header.name() + " · run report"));
            document.addTitle("Run report — " + header.name() + " — " + header.projectKey() + " " + header.projectName());
            document.addCreator("Cadence");
            document.open();
            summary(document);
            timeline(document);
            steps(document);
            decisions(document);
            overrides(document);
            rollback(document);
            hypercare(document);
            roster(document);
            log(document);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The run report could not be written.", e);
        }
        return out.toByteArray();
    }

    private void summary(Document document) throws DocumentException {
        document.add(new Paragraph("Run report — " + header.name(), TITLE));
        document.add(new Paragraph(header.projectKey() + " " + header.projectName() + " · " + header.instanceName(), HEADING));
        document.add(new Paragraph("Made " + times.full(madeAt) + " by Cadence. Times are in " + header.zone().getId()
                + ". Planned times count from the planned T0, as the runbook states them; actual and forecast times from the run's clock "
                + "(the actual T0 once the run has started).", SMALL));
        gap(document);
        PdfPTable table = new PdfPTable(new float[] {14, 36, 14, 36});
        table.setWidthPercentage(100);
        pair(table, "Project", header.projectKey() + " " + header.projectName());
        pair(table, "Runbook", header.instanceName());
        pair(table, "Run", header.name() + " (" + RunReport.kindLabel(header.kind()).toLowerCase(Locale.ROOT) + ")");
        pair(table, "Run lead", header.leadName());
        pair(table, "Planned T0", planned.full(header.plannedT0()));
        pair(table, "Actual T0", header.actualT0() == null ? "Not started" : times.full(header.actualT0())
                + " (" + RunTimeText.variance(Duration.between(header.plannedT0(), header.actualT0())).replace("late", "later").replace("early", "earlier")
                .replace("on time", "as planned") + ")");
        pair(table, "Planned end", planned.onClock(header.plannedEnd()) + " · " + planned.full(header.plannedEnd()));
        pair(table, header.endedAt() != null ? "Last step finished" : "Forecast end", times.onClock(header.forecastEnd()) + " · " + times.full(header.forecastEnd()));
        pair(table, "Variance", RunTimeText.variance(header.variance()) + " against the planned end");
        pair(table, "Steps done", header.stepsDone() + " of " + header.stepsCounted() + " (the rollback branch counts once invoked)");
        pair(table, "State", header.outcome() != null ? header.outcome().label() : header.state().label()
                + (header.state() == RunState.PAUSED && header.pauseReason() != null ? ": " + header.pauseReason() : ""));
        pair(table, "Ended", header.endedAt() == null ? "Not ended" : times.full(header.endedAt()));
        pair(table, "End note", text(header.endNote()));
        pair(table, "Rollback", header.rollback() == null ? "Not invoked"
                : "Invoked by " + header.rollback().by() + ", " + times.full(header.rollback().at()) + ": " + header.rollback().reason());
        pair(table, "Open conditions", openConditions());
        pair(table, "Hypercare exit", exitSummary());
        document.add(table);
    }

    /** "1 of 2" — what a change board asks first of a go with conditions. */
    private String openConditions() {
        long set = run.screen().decisions().stream().mapToLong(d -> d.conditions().size()).sum();
        if (set == 0) {
            return "None: no decision was taken with conditions";
        }
        int open = run.screen().openConditions();
        return open == 0 ? "None: all " + set + " met" : open + " of " + set + " not yet met (see the go/no-go decisions)";
    }

    private String exitSummary() {
        HypercareBoard.Exit exit = hypercare.exit();
        if (exit == null) {
            return "This runbook has no hypercare exit";
        }
        return exit.signed() ? "Signed by " + exit.signedBy() + ", " + times.full(exit.signedAt()) : "Not signed";
    }

    private void timeline(Document document) throws DocumentException {
        heading(document, "Planned versus actual");
        document.add(new Paragraph("Grey: planned. Green: done on time or early; red: late. Light blue: under way or forecast (outlined when not started). "
                + "The dashed line is the planned T0; the scale counts from it."
                + (RunReportTimeline.criticalOnly(run) ? " This runbook is long: each section is shown whole, and under it only its steps on the critical path; "
                + "every step is in the table that follows." : ""), SMALL));
        gap(document);
        document.add(RunReportTimeline.table(run));
    }

    private void steps(Document document) throws DocumentException {
        document.newPage();
        heading(document, "Steps");
        PdfPTable table = new PdfPTable(new float[] {3, 22, 8, 15, 19, 8, 25});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String title : List.of("#", "Step", "State", "Planned", "Actual", "Variance", "Evidence / reason")) {
            table.addCell(headerCell(title));
        }
        String section = null;
        int written = 0;
        for (RunScreen.StepRow step : run.steps()) {
            if (!step.sectionTitle().equals(section)) {
                section = step.sectionTitle();
                PdfPCell cell = cell(new Phrase(section + (step.sectionRole() == null ? "" : " · " + sectionRole(step.sectionRole())), SMALL_BOLD));
                cell.setColspan(7);
                cell.setBackgroundColor(SECTION_FILL);
                table.addCell(cell);
            }
            table.addCell(cell(String.valueOf(step.position() + 1)));
            Phrase what = new Phrase("", SMALL);
            what.add(new Chunk(step.title(), SMALL_BOLD));
            what.add(new Chunk("\n" + (step.ownerRole() == null ? "No owner role" : step.ownerRole())
                    + (step.owners().isEmpty() ? "" : ": " + String.join(", ", step.owners())), SMALL));
            table.addCell(cell(what));
            table.addCell(cell(step.state().label() + (step.critical() ? "\ncritical path" : "")));
            table.addCell(cell(run.plannedStart(step) + " → " + run.plannedFinish(step) + "\n"
                    + times.wallSpan(step.plannedStart(), step.plannedFinish())));
            table.addCell(cell(actual(step)));
            table.addCell(cell(RunTimeText.variance(step.variance())));
            table.addCell(cell(evidence(step)));
            if (++written % CHUNK == 0) {
                document.add(table);
            }
        }
        table.setComplete(true);
        document.add(table);
    }

    private String actual(RunScreen.StepRow step) {
        StringBuilder text = new StringBuilder();
        if (step.actualStart() != null) {
            text.append("Started ").append(times.both(step.actualStart())).append(step.startedBy() == null ? "" : " by " + step.startedBy());
        }
        if (step.actualFinish() != null) {
            text.append(text.isEmpty() ? "" : "\n").append("Finished ").append(times.both(step.actualFinish()))
                    .append(step.finishedBy() == null ? "" : " by " + step.finishedBy());
        }
        if (text.isEmpty() && step.forecastStart() != null) {
            text.append("Forecast ").append(times.both(step.forecastStart()));
        }
        return text.isEmpty() ? RunTimeText.NONE : text.toString();
    }

    /** The evidence (a link when it is a web address) and the reason given for a skip, failure or override. */
    private Phrase evidence(RunScreen.StepRow step) {
        Phrase phrase = new Phrase("", SMALL);
        String evidence = step.evidence();
        if (evidence != null && !evidence.isBlank()) {
            if (isWebLink(evidence)) {
                // Only http(s) becomes a link: a file:, javascript: or other address stays text.
                Anchor link = new Anchor(evidence.strip(), LINK);
                link.setReference(evidence.strip());
                phrase.add(link);
            } else {
                phrase.add(new Chunk(evidence, SMALL));
            }
        } else if (step.evidenceRequired()) {
            phrase.add(new Chunk("Evidence required, none recorded", SMALL));
        }
        if (step.reason() != null && !step.reason().isBlank()) {
            phrase.add(new Chunk((phrase.getChunks().isEmpty() ? "" : "\n") + "Reason: " + step.reason(), SMALL));
        }
        if (phrase.getChunks().isEmpty()) {
            phrase.add(new Chunk(RunTimeText.NONE, SMALL));
        }
        return phrase;
    }

    static boolean isWebLink(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return (t.startsWith("https://") || t.startsWith("http://")) && !t.matches(".*\\s.*");
    }

    private void decisions(Document document) throws DocumentException {
        heading(document, "Go/no-go decisions");
        if (run.screen().decisions().isEmpty()) {
            document.add(new Paragraph("No go/no-go decision was opened in this run.", BODY));
            return;
        }
        for (RunScreen.DecisionView decision : run.screen().decisions()) {
            String outcome = decision.outcome() == null ? "not taken yet" : decision.outcome().label()
                    + (decision.takenAt() == null ? "" : ", taken " + times.both(decision.takenAt()));
            Paragraph title = new Paragraph(decision.title() + " — " + outcome, app.cadence.shared.PdfFonts.bold(9));
            title.setSpacingBefore(4);
            title.setSpacingAfter(4);
            document.add(title);
            if (decision.overruledBy() != null) {
                Paragraph overruled = new Paragraph("The no-go was overruled by " + decision.overruledBy() + ": " + text(decision.overruleReason()), BODY);
                overruled.setSpacingAfter(4);
                document.add(overruled);
            }
            PdfPTable votes = new PdfPTable(new float[] {20, 14, 46, 20});
            votes.setWidthPercentage(100);
            votes.setHeaderRows(1);
            for (String h : List.of("Approver", "Vote", "Comment", "When")) {
                votes.addCell(headerCell(h));
            }
            for (RunScreen.Approval approval : decision.approvals()) {
                votes.addCell(cell(approval.name()));
                votes.addCell(cell(approval.verdict() == null ? "Not voted" : approval.verdict().label()));
                votes.addCell(cell(text(approval.comment())));
                votes.addCell(cell(approval.at() == null ? RunTimeText.NONE : times.both(approval.at())));
            }
            document.add(votes);
            conditions(document, decision);
        }
    }

    private void conditions(Document document, RunScreen.DecisionView decision) throws DocumentException {
        if (decision.conditions().isEmpty()) {
            return;
        }
        long open = decision.conditions().stream().filter(c -> !c.met()).count();
        Paragraph title = new Paragraph("Conditions: " + (open == 0 ? "all met" : open + " of " + decision.conditions().size() + " not yet met"),
                SMALL_BOLD);
        title.setSpacingBefore(4);
        title.setSpacingAfter(2);
        document.add(title);
        PdfPTable table = new PdfPTable(new float[] {36, 16, 26, 22});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("Condition", "Set by", "Met", "Note")) {
            table.addCell(headerCell(h));
        }
        for (RunScreen.Condition condition : decision.conditions()) {
            table.addCell(cell(condition.text()));
            table.addCell(cell(condition.approver()));
            table.addCell(cell(new Phrase(conditionState(condition), condition.met() ? SMALL : SMALL_BOLD)));
            table.addCell(cell(text(condition.note())));
        }
        document.add(table);
    }

    private String conditionState(RunScreen.Condition condition) {
        if (condition.met()) {
            return "Met by " + condition.changedBy() + ", " + times.both(condition.changedAt());
        }
        return condition.changedBy() == null ? "Open" : "Open: reopened by " + condition.changedBy() + ", " + times.both(condition.changedAt());
    }

    private void overrides(Document document) throws DocumentException {
        heading(document, "Overrides");
        List<RunScreen.LogLine> overrides = run.screen().log().stream().filter(RunScreen.LogLine::override).toList();
        if (overrides.isEmpty()) {
            document.add(new Paragraph("No rule was overridden in this run.", BODY));
            return;
        }
        document.add(logTable(overrides));
    }

    private void rollback(Document document) throws DocumentException {
        heading(document, "Rollback");
        RunScreen.Rollback rollback = header.rollback();
        document.add(new Paragraph(rollback == null ? "Rollback was not invoked; the rollback steps below did not run."
                : "Invoked by " + rollback.by() + ", " + times.both(rollback.at()) + ". Why: " + rollback.reason(), BODY));
        List<RunScreen.StepRow> steps = run.steps().stream().filter(RunScreen.StepRow::rollback).toList();
        if (steps.isEmpty()) {
            document.add(new Paragraph("This runbook has no rollback steps.", BODY));
            return;
        }
        gap(document);
        PdfPTable table = new PdfPTable(new float[] {24, 9, 25, 21, 21});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("Rollback step", "State", "Actual", "Trigger", "Instructions")) {
            table.addCell(headerCell(h));
        }
        for (RunScreen.StepRow step : steps) {
            table.addCell(cell(step.title() + (step.ownerRole() == null ? "" : "\n" + step.ownerRole())));
            table.addCell(cell(step.state().label()));
            table.addCell(cell(actual(step)));
            table.addCell(cell(text(step.rollbackTrigger())));
            table.addCell(cell(text(step.rollbackInstructions())));
        }
        document.add(table);
    }

    private void hypercare(Document document) throws DocumentException {
        heading(document, "Hypercare");
        if (hypercare.isEmpty()) {
            document.add(new Paragraph("This runbook has no recurring hypercare checks and no hypercare exit.", BODY));
            return;
        }
        if (!hypercare.checks().isEmpty()) {
            PdfPTable table = new PdfPTable(new float[] {24, 14, 28, 34});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String h : List.of("Due", "State", "Recorded", "Note")) {
                table.addCell(headerCell(h));
            }
            for (HypercareBoard.Check check : hypercare.checks()) {
                PdfPCell heading = cell(new Phrase(check.title() + " · " + check.rule() + " · " + (check.expanded()
                        ? check.done() + " of " + check.total() + " done" + (check.missed() > 0 ? ", " + check.missed() + " missed" : "")
                        : "not dated yet: dated once the steps before it are done, counting from " + times.full(check.plannedFrom())), SMALL_BOLD));
                heading.setColspan(4);
                heading.setBackgroundColor(SECTION_FILL);
                table.addCell(heading);
                for (HypercareBoard.Occurrence o : hypercare.occurrences()) {
                    if (!o.stepKey().equals(check.stepKey())) {
                        continue;
                    }
                    table.addCell(cell(times.both(o.dueAt())));
                    table.addCell(cell(new Phrase(o.overdue() ? "Open, overdue" : o.state().label(), o.alarming() ? SMALL_BOLD : SMALL)));
                    table.addCell(cell(o.recordedBy() == null ? RunTimeText.NONE : o.recordedBy() + ", " + times.both(o.recordedAt())));
                    table.addCell(cell(text(o.note())));
                }
            }
            document.add(table);
            gap(document);
        }
        HypercareBoard.Exit exit = hypercare.exit();
        if (exit == null) {
            document.add(new Paragraph("Exit: this runbook's hypercare section has no exit milestone to sign.", BODY));
        } else if (exit.signed()) {
            document.add(new Paragraph("Exit “" + exit.title() + "” signed by " + exit.signedBy() + ", " + times.full(exit.signedAt())
                    + ". Exit criteria met: " + text(exit.note()), BODY));
        } else {
            document.add(new Paragraph("Exit “" + exit.title() + "”: not signed"
                    + (exit.waitingFor().isEmpty() ? "." : "; waiting for " + String.join(", ", exit.waitingFor()) + "."), BODY));
        }
    }

    private void roster(Document document) throws DocumentException {
        heading(document, "Roster");
        if (run.screen().roster().isEmpty()) {
            document.add(new Paragraph("No step names an owner role.", BODY));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {30, 70});
        table.setWidthPercentage(100);
        for (RunScreen.RoleHolders role : run.screen().roster()) {
            table.addCell(cell(new Phrase(role.role(), SMALL_BOLD)));
            table.addCell(cell(role.names().isEmpty() ? "Nobody: the run lead and project managers work these steps" : String.join(", ", role.names())));
        }
        document.add(table);
    }

    private void log(Document document) throws DocumentException {
        heading(document, "Run log");
        if (run.screen().log().isEmpty()) {
            document.add(new Paragraph("Nothing has happened in this run yet.", BODY));
            return;
        }
        document.add(new Paragraph("Every state change, decision, note and override, oldest first.", SMALL));
        gap(document);
        document.add(logTable(run.screen().log()));
    }

    private PdfPTable logTable(List<RunScreen.LogLine> lines) {
        PdfPTable table = new PdfPTable(new float[] {20, 16, 38, 26});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("When", "Who", "What", "Reason")) {
            table.addCell(headerCell(h));
        }
        for (RunScreen.LogLine line : lines) {
            table.addCell(cell(times.both(line.at())));
            table.addCell(cell(line.by()));
            table.addCell(cell(new Phrase((line.override() ? "Override: " : "") + line.what(), line.override() ? SMALL_BOLD : SMALL)));
            table.addCell(cell(text(line.reason())));
        }
        return table;
    }

    private static String sectionRole(SectionRole role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static void gap(Document document) throws DocumentException {
        document.add(new Paragraph(" ", app.cadence.shared.PdfFonts.regular(4)));
    }

    private static void pair(PdfPTable table, String label, String value) {
        PdfPCell name = cell(new Phrase(label, SMALL_BOLD));
        name.setBackgroundColor(HEADER_FILL);
        table.addCell(name);
        table.addCell(cell(new Phrase(value, BODY)));
    }

    private static PdfPCell headerCell(String text) {
        PdfPCell cell = cell(new Phrase(text, SMALL_BOLD));
        cell.setBackgroundColor(HEADER_FILL);
        return cell;
    }

    private static PdfPCell cell(String text) {
        return cell(new Phrase(text, SMALL));
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(3);
        cell.setBorderColor(BORDER);
        return cell;
    }

    private static String text(@Nullable String value) {
        return value == null || value.isBlank() ? RunTimeText.NONE : value;
    }

    /** The run and the page number at the foot of every page, so a printed page is never anonymous. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(app.cadence.shared.PdfFonts.base(), 7);
            canvas.setColorFill(Color.GRAY);
            canvas.showTextAligned(Element.ALIGN_LEFT, text, document.left(), document.bottom() - 18, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "Page " + writer.getPageNumber(), document.right(), document.bottom() - 18, 0);
            canvas.endText();
        }
    }
}
