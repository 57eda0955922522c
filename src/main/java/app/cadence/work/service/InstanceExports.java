package app.cadence.work.service;

import app.cadence.shared.SpreadsheetCells;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemView;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An instance as files to hand on: its items as XLSX (one row per item, {@link InstanceColumn}'s
 * columns, moments as real date-times in the instance's zone) and as a PDF. Everyone who may read
 * the instance may have them; they are read through {@link InstanceReading#details}, so another
 * tenant's instance is not found, as everywhere.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceExports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
    private static final DateTimeFormatter ANCHOR = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    /** Rows kept in memory while writing; older ones go to a temporary file. */
    private static final int WINDOW = 200;

    private final InstanceReading reading;
    private final Clock clock;

    InstanceExports(InstanceReading reading, Clock clock) {
        this.reading = reading;
        this.clock = clock;
    }

    /** A file made whole: the name it is offered under, its type, its bytes. */
    public record InstanceFile(String fileName, String contentType, byte[] bytes) {
    }

    /** What the instance is, as the header of every export says it: label and value pairs. */
    public static List<String[]> facts(InstanceDetails instance) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Project", instance.projectKey() + " " + instance.projectName()});
        facts.add(new String[] {"Template", instance.templateName() + ", version " + instance.versionNumber() + " (" + instance.kind().label() + ")"});
        ZoneId zone = instance.zone();
        switch (instance.kind()) {
            case CUTOVER -> facts.add(new String[] {"T0", instance.anchorAt() == null ? "" : ANCHOR.format(instance.anchorAt().atZone(zone))});
            case RETROSPECTIVE -> facts.add(new String[] {"Session", instance.anchorAt() == null ? "" : ANCHOR.format(instance.anchorAt().atZone(zone))});
            case COMMUNICATION_PLAN -> {
                facts.add(new String[] {"Plan", "from " + day(instance.planStart()) + " to " + day(instance.planEnd())});
                if (instance.goLive() != null) {
                    facts.add(new String[] {"Go-live", day(instance.goLive())});
                }
            }
        }
        facts.add(new String[] {"Progress", InstanceColumn.progress(instance)});
        facts.add(new String[] {"Times in", zone.getId()});
        return facts;
    }

    public InstanceFile xlsx(Long instanceId) {
        InstanceDetails instance = reading.details(instanceId);
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            SpreadsheetCells styles = new SpreadsheetCells(workbook);
            items(workbook.createSheet("Items"), instance, styles);
            about(workbook.createSheet("Instance"), instance, styles);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return new InstanceFile(fileName(instance, "xlsx"), XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    public InstanceFile pdf(Long instanceId) {
        InstanceDetails instance = reading.details(instanceId);
        return new InstanceFile(fileName(instance, "pdf"), PDF, new InstancePdf(instance, clock.instant()).write());
    }

    /** {@code erp-01-go-live-runbook.xlsx}: the project key and the instance's name, safe for any file system. */
    static String fileName(InstanceDetails instance, String extension) {
        String slug = (instance.projectKey() + "-" + instance.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "instance" : slug) + "." + extension;
    }

    private static void items(Sheet sheet, InstanceDetails instance, SpreadsheetCells styles) {
        List<InstanceColumn> columns = InstanceColumn.of(instance.kind());
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            text(header.createCell(c), columns.get(c).header(), styles).setCellStyle(styles.bold);
            sheet.setColumnWidth(c, 256 * switch (columns.get(c)) {
                case ITEM, NOTES, DETAILS, EVIDENCE -> 40;
                case SECTION, BLOCKED_REASON -> 24;
                case PLANNED_START, DUE, STARTED, COMPLETED_AT -> 17;
                default -> 16;
            });
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        int next = 1;
        for (ItemView item : instance.items()) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = row.createCell(c);
                switch (columns.get(c).value(item)) {
                    case null -> cell.setBlank();
                    case Instant at -> {
                        // A real date-time in the instance's zone, so that it sorts and filters as one.
                        cell.setCellValue(LocalDateTime.ofInstant(at, instance.zone()));
                        cell.setCellStyle(styles.dateTime);
                    }
                    case Object value -> text(cell, value.toString(), styles);
                }
            }
        }
    }

    private static void about(Sheet sheet, InstanceDetails instance, SpreadsheetCells styles) {
        int next = 0;
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Instance", instance.name()});
        facts.addAll(facts(instance));
        for (String[] pair : facts) {
            Row row = sheet.createRow(next++);
            text(row.createCell(0), pair[0], styles).setCellStyle(styles.bold);
            text(row.createCell(1), pair[1], styles);
        }
        sheet.setColumnWidth(0, 256 * 14);
        sheet.setColumnWidth(1, 256 * 60);
    }

    /** Text as {@link SpreadsheetCells#text}; no value, a truly empty cell. */
    private static Cell text(Cell cell, String value, SpreadsheetCells styles) {
        if (value.isEmpty()) {
            cell.setBlank();
            return cell;
        }
        return styles.text(cell, value);
    }

    private static String day(java.time.@Nullable LocalDate date) {
        return date == null ? "?" : DAY.format(date);
    }
}
