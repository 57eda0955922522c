package app.cadence.template;

import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Test files for the spreadsheet import: rows written as an XLSX workbook or CSV, and a template in the export's layout. */
final class SpreadsheetSamples {

    static final List<String> RUNBOOK_HEADERS = List.of("ID", "Section", "Phase", "Title", "Type", "Start", "Duration", "Owner role",
            "Predecessors", "Evidence required", "Description", "Rollback trigger", "Rollback instructions");
    static final List<String> COMMS_HEADERS = List.of("ID", "Section", "Title", "Audience", "Purpose", "Artefact", "Channel", "Cadence",
            "Owner role", "Anchor", "Offset (days)");
    static final List<String> RETRO_HEADERS = List.of("ID", "Section", "Title", "Prompt", "Rating");

    private SpreadsheetSamples() {
    }

    /** The rows (the first is the header) as the first sheet, "Items", of a workbook, every cell text; an "About" sheet after it. */
    static byte[] xlsx(List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Items");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.createSheet("About").createRow(0).createCell(0).setCellValue("Not items: the import ignores this sheet.");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<List<String>> rows, char separator) {
        return rows.stream().map(r -> r.stream().map(SpreadsheetSamples::quoted).collect(Collectors.joining(String.valueOf(separator))))
                .collect(Collectors.joining("\r\n", "", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains(";") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** A template's content in the shared column layout, as the XLSX export writes it: IDs 1, 2, 3 … */
    static List<List<String>> exportLayout(TemplateContent content) {
        Map<UUID, String> ids = new HashMap<>();
        content.items().forEach(i -> ids.put(i.key(), String.valueOf(ids.size() + 1)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(switch (content.kind()) {
            case CUTOVER -> RUNBOOK_HEADERS;
            case COMMUNICATION_PLAN -> COMMS_HEADERS;
            case RETROSPECTIVE -> RETRO_HEADERS;
        });
        for (TemplateSection section : content.sections()) {
            for (TemplateItem item : section.items()) {
                String id = ids.get(item.key());
                rows.add(switch (item) {
                    case CutoverStep s -> List.of(id, section.title(), section.role() == null ? "" : section.role().label(), s.title(),
                            s.type().label(), RelativeTime.formatOffset(s.offsetMinutes()), RelativeTime.formatDuration(s.durationMinutes()),
                            text(s.ownerRole()), s.predecessors().stream().map(ids::get).collect(Collectors.joining(", ")),
                            s.evidenceRequired() ? "Yes" : "No", text(s.description()), text(s.rollbackTrigger()), text(s.rollbackInstructions()));
                    case CommunicationEntry c -> List.of(id, section.title(), c.title(), c.audience(), text(c.purpose()), text(c.artefact()),
                            text(c.channel()), c.cadence().label(), text(c.ownerRole()), c.anchor().label(), String.valueOf(c.offsetDays()));
                    case RetroPrompt p -> List.of(id, section.title(), p.title(), text(p.prompt()), p.rating() ? "Yes" : "No");
                });
            }
        }
        return rows;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
