package app.cadence.template.service;

import app.cadence.shared.SpreadsheetCells;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A template version as a spreadsheet, in the column layout that the spreadsheet import reads
 * (docs/template-format.md, "Spreadsheets"): a first sheet "Items" with a header row and one row
 * per item, sections and items in order, and a sheet "About" naming the template. Predecessors are
 * the IDs of the rows they point to. Everything else of a version (a step's recurrence, an entry's
 * exact timing and message, a retrospective's format) is the JSON file's: PMOs keep in Excel
 * what a row holds. Written through POI's streaming workbook: a template of
 * {@value TemplateContent#MAX_ITEMS} items keeps only a window of rows in memory.
 */
final class TemplateWorkbook {

    static final String ITEMS_SHEET = "Items";
    static final String ABOUT_SHEET = "About";
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> CUTOVER_HEADERS = List.of("ID", "Section", "Phase", "Title", "Type", "Start", "Duration", "Owner role",
            "Predecessors", "Evidence required", "Description", "Rollback trigger", "Rollback instructions");
    static final List<String> COMMUNICATION_HEADERS = List.of("ID", "Section", "Title", "Audience", "Purpose", "Artefact", "Channel",
            "Cadence", "Owner role", "Anchor", "Offset (days)");
    static final List<String> RETROSPECTIVE_HEADERS = List.of("ID", "Section", "Title", "Prompt", "Rating");

    /** Rows kept in memory while writing; older ones go to a temporary file. */
    private static final int WINDOW = 200;

    private TemplateWorkbook() {
    }

    static List<String> headers(TemplateKind kind) {
        return switch (kind) {
            case CUTOVER -> CUTOVER_HEADERS;
            case COMMUNICATION_PLAN -> COMMUNICATION_HEADERS;
            case RETROSPECTIVE -> RETROSPECTIVE_HEADERS;
        };
    }

    static byte[] write(String name, @Nullable String description, int number, TemplateContent content) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            SpreadsheetCells styles = new SpreadsheetCells(workbook);
            items(workbook.createSheet(ITEMS_SHEET), content, styles);
            about(workbook.createSheet(ABOUT_SHEET), name, description, number, content, styles);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose(); // the temporary file of the rows already written
        }
    }

    private static void items(Sheet sheet, TemplateContent content, SpreadsheetCells styles) {
        List<String> headers = headers(content.kind());
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            styles.text(header.createCell(c), headers.get(c)).setCellStyle(styles.bold);
            sheet.setColumnWidth(c, 256 * width(headers.get(c)));
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        // Row IDs first, so that a step can name a predecessor further down.
        Map<UUID, Integer> ids = new HashMap<>();
        content.items().forEach(item -> ids.put(item.key(), ids.size() + 1));
        int next = 1;
        for (TemplateSection section : content.sections()) {
            for (TemplateItem item : section.items()) {
                Row row = sheet.createRow(next++);
                List<Object> values = values(item, section, ids);
                for (int c = 0; c < values.size(); c++) {
                    value(row.createCell(c), values.get(c), styles);
                }
            }
        }
    }

    /** One item's cells in the order of {@link #headers}: numbers as numbers, the rest as text. */
    private static List<Object> values(TemplateItem item, TemplateSection section, Map<UUID, Integer> ids) {
        List<Object> v = new ArrayList<>();
        v.add(ids.get(item.key()));
        v.add(section.title());
        switch (item) {
            case CutoverStep step -> {
                v.add(section.role() == null ? "" : section.role().label());
                v.add(step.title());
                v.add(step.type().label());
                v.add(RelativeTime.formatOffset(step.offsetMinutes()));
                v.add(RelativeTime.formatDuration(step.durationMinutes()));
                v.add(text(step.ownerRole()));
                v.add(String.join(", ", step.predecessors().stream().map(ids::get).filter(java.util.Objects::nonNull)
                        .map(String::valueOf).toList()));
                v.add(step.evidenceRequired() ? "Yes" : "No");
                v.add(text(step.description()));
                v.add(text(step.rollbackTrigger()));
                v.add(text(step.rollbackInstructions()));
            }
            case CommunicationEntry entry -> {
                v.add(entry.title());
                v.add(entry.audience());
                v.add(text(entry.purpose()));
                v.add(text(entry.artefact()));
                v.add(text(entry.channel()));
                v.add(entry.cadence().label());
                v.add(text(entry.ownerRole()));
                v.add(entry.anchor().label());
                v.add(entry.offsetDays());
            }
            case RetroPrompt prompt -> {
                v.add(prompt.title());
                v.add(text(prompt.prompt()));
                v.add(prompt.rating() ? "Yes" : "No");
            }
        }
        return v;
    }

    private static void about(Sheet sheet, String name, @Nullable String description, int number, TemplateContent content, SpreadsheetCells styles) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Template", name});
        rows.add(new String[] {"Description", text(description)});
        rows.add(new String[] {"Version", number == 0 ? "Draft" : String.valueOf(number)});
        rows.add(new String[] {"Kind", content.kind().label()});
        rows.add(new String[] {"Items", String.valueOf(content.itemCount())});
        if (content.retro() != null) {
            rows.add(new String[] {"Format", content.retro().format()});
            rows.add(new String[] {"Votes per person", String.valueOf(content.retro().votingBudget())});
            rows.add(new String[] {"Cards anonymous by default", content.retro().anonymousByDefault() ? "Yes" : "No"});
        }
        rows.add(new String[] {"Note", "The sheet “" + ITEMS_SHEET + "” imports back into Cadence (Templates → From Excel or CSV…). It holds what a row can:"
                + " a step's recurrence, an entry's exact timing and message, and a retrospective's settings are in the JSON export only."});
        int next = 0;
        for (String[] pair : rows) {
            Row row = sheet.createRow(next++);
            styles.text(row.createCell(0), pair[0]).setCellStyle(styles.bold);
            styles.text(row.createCell(1), pair[1]);
        }
        sheet.setColumnWidth(0, 256 * 26);
        sheet.setColumnWidth(1, 256 * 80);
    }

    private static int width(String header) {
        return switch (header) {
            case "ID" -> 6;
            case "Title", "Description", "Rollback instructions", "Prompt", "Purpose" -> 40;
            case "Rollback trigger", "Audience", "Section" -> 28;
            default -> 14;
        };
    }

    private static void value(Cell cell, Object value, SpreadsheetCells styles) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (!value.toString().isEmpty()) {
            styles.text(cell, value.toString());
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
