package app.cadence.cutover.ui;

import app.cadence.cutover.service.RunFile;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReading.RunSummary;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunbookSpreadsheet;
import app.cadence.shared.ui.FileDownload;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.AttachmentType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A run's files and printouts, for the run screen's header: the PDF run report, the runbook as
 * XLSX, the print view (a page of its own, in a new tab) and "Compare with…" another run of the
 * same runbook. Each file is made by its service when the link is followed, with the reader's
 * rights at that moment ({@link FileDownload}).
 */
class RunExports extends Div {

    private RunExports() {
        addClassName("run-exports");
    }

    /** The exports of run {@code runId}, a run of instance {@code instanceId}. */
    static RunExports forRun(Long runId, Long instanceId, RunReport report, RunbookSpreadsheet spreadsheet, RunReading reading) {
        RunExports exports = new RunExports();
        Anchor pdf = new Anchor(download(() -> report.pdf(runId)), AttachmentType.DOWNLOAD, "Run report (PDF)");
        pdf.addClassName("export-run-report");
        Anchor xlsx = new Anchor(download(() -> spreadsheet.xlsx(runId)), AttachmentType.DOWNLOAD, "Runbook (XLSX)");
        xlsx.addClassName("export-runbook");
        Anchor print = new Anchor(RunPrintView.path(runId), "Print view");
        print.setTarget(AnchorTarget.BLANK);
        print.addClassName("export-print");
        exports.add(pdf, xlsx, print);
        compareMenu(runId, reading.runsOf(instanceId)).ifPresent(exports::add);
        return exports;
    }

    private static FileDownload download(RunFileMaker maker) {
        return FileDownload.of(() -> {
            RunFile file = maker.make();
            return new FileDownload.MadeFile(file.fileName(), file.contentType(), file.bytes());
        });
    }

    @FunctionalInterface
    private interface RunFileMaker extends java.io.Serializable {
        RunFile make();
    }

    /** One entry per other run of the runbook; the earlier run (by planned T0) is always the first column. */
    private static java.util.Optional<MenuBar> compareMenu(Long runId, List<RunSummary> runs) {
        RunSummary self = runs.stream().filter(r -> r.id().equals(runId)).findFirst().orElse(null);
        List<RunSummary> others = runs.stream().filter(r -> !r.id().equals(runId)).toList();
        if (self == null || others.isEmpty()) {
            return java.util.Optional.empty();
        }
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        menu.addClassName("export-compare");
        MenuItem compare = menu.addItem("Compare with…");
        SubMenu choices = compare.getSubMenu();
        for (RunSummary other : others) {
            List<RunSummary> pair = java.util.stream.Stream.of(self, other)
                    .sorted(Comparator.comparing(RunSummary::plannedT0).thenComparing(RunSummary::id)).toList();
            choices.addItem(other.name(), e -> menu.getUI().ifPresent(ui -> ui.navigate(RunCompareView.ROUTE,
                    QueryParameters.simple(Map.of("a", String.valueOf(pair.get(0).id()), "b", String.valueOf(pair.get(1).id()))))));
        }
        return java.util.Optional.of(menu);
    }
}
