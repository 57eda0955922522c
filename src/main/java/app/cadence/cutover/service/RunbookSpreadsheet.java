package app.cadence.cutover.service;

import app.cadence.shared.SpreadsheetCells;
import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's runbook as XLSX: one row per step ({@link RunbookColumn}), times as real date-times in
 * the run's zone, variance in minutes, the header row frozen with a filter; a second sheet with
 * the run itself. A runbook has at most 2,000 steps, so the workbook is built in memory.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RunbookSpreadsheet {

    private final RunRecords records;

    RunbookSpreadsheet(RunRecords records) {
        this.records = records;
    }

    public RunFile xlsx(Long runId) {
        RunRecord run = records.read(runId, false);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SpreadsheetCells styles = new SpreadsheetCells(workbook);
            writeSteps(workbook.createSheet("Runbook"), run, styles);
            writeRun(workbook.createSheet("Run"), run, styles);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return new RunFile(fileName(run.header(), "runbook.xlsx"), RunFile.XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code erp-01-rehearsal-2-runbook.xlsx}: the project key and run name, safe for any file system. */
    static String fileName(RunScreen.Header header, String suffix) {
        String slug = (header.projectKey() + "-" + header.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "run" : slug) + "-" + suffix;
    }

    private static void writeSteps(Sheet sheet, RunRecord run, SpreadsheetCells styles) {
        RunbookColumn[] columns = RunbookColumn.values();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            styles.text(header.createCell(c), columns[c].header()).setCellStyle(styles.bold);
            sheet.setColumnWidth(c, 256 * switch (columns[c].kind()) {
                case MOMENT -> 17;
                case NUMBER -> 9;
                case TEXT -> columns[c] == RunbookColumn.STEP || columns[c] == RunbookColumn.EVIDENCE ? 40 : 18;
            });
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.length - 1));
        ZoneId zone = run.header().zone();
        int next = 1;
        for (RunScreen.StepRow step : run.steps()) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < columns.length; c++) {
                value(row.createCell(c), columns[c].value(run, step), zone, styles);
            }
        }
    }

    private static void writeRun(Sheet sheet, RunRecord run, SpreadsheetCells styles) {
        RunScreen.Header h = run.header();
        ZoneId zone = h.zone();
        List<Object[]> rows = List.of(
                new Object[] {"Project", h.projectKey() + " " + h.projectName()},
                new Object[] {"Runbook", h.instanceName()},
                new Object[] {"Run", h.name()},
                new Object[] {"Kind", RunReport.kindLabel(h.kind())},
                new Object[] {"State", h.outcome() != null ? h.outcome().label() : h.state().label()},
                new Object[] {"End note", h.endNote()},
                new Object[] {"Run lead", h.leadName()},
                new Object[] {"Time zone", zone.getId()},
                new Object[] {"Planned T0", h.plannedT0()},
                new Object[] {"Actual T0", h.actualT0()},
                new Object[] {"Planned end", h.plannedEnd()},
                new Object[] {h.endedAt() != null ? "End" : "Forecast end", h.forecastEnd()},
                new Object[] {"Variance (min)", RunTimeText.minutes(h.variance())},
                new Object[] {"Rollback invoked", h.rollback() == null ? "No" : h.rollback().by() + ": " + h.rollback().reason()});
        int next = 0;
        for (Object[] pair : rows) {
            Row row = sheet.createRow(next++);
            styles.text(row.createCell(0), (String) pair[0]).setCellStyle(styles.bold);
            value(row.createCell(1), pair[1], zone, styles);
        }
        sheet.setColumnWidth(0, 256 * 18);
        sheet.setColumnWidth(1, 256 * 50);
    }

    private static void value(Cell cell, @Nullable Object value, ZoneId zone, SpreadsheetCells styles) {
        switch (value) {
            case null -> cell.setBlank();
            case Instant at -> {
                // A real date-time in the run's zone, so that it sorts, filters and subtracts as one.
                cell.setCellValue(LocalDateTime.ofInstant(at, zone));
                cell.setCellStyle(styles.dateTime);
            }
            case Number n -> cell.setCellValue(n.doubleValue());
            case Duration d -> cell.setCellValue(RunTimeText.minutes(d));
            default -> styles.text(cell, value.toString());
        }
    }
}
