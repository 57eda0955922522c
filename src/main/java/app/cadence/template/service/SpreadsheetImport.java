package app.cadence.template.service;

import app.cadence.shared.UploadLimits;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.ScheduleWarning;
import app.cadence.template.domain.SpreadsheetField;
import app.cadence.template.domain.Template;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Import of a runbook, a communication plan or a retrospective kept in a spreadsheet (XLSX or
 * CSV, one row per item) as a new draft template, the way the JSON import makes one: read the
 * file, map its columns (automatically from the headers, then as the user corrects), preview, and
 * import only when nothing is wrong. Into the current organisation only, like every template.
 */
@Service
@RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
public class SpreadsheetImport {

    private final TemplateLibrary library;
    private final UploadLimits uploadLimits;

    SpreadsheetImport(TemplateLibrary library, UploadLimits uploadLimits) {
        this.library = library;
        this.uploadLimits = uploadLimits;
    }

    /**
     * What to import: the rows read, the field each column holds ({@code mapping.get(i)} for
     * column i, null to ignore it) and, for a runbook whose Start column holds date-times, the T0
     * they count from.
     */
    public record Request(TemplateKind kind, String name, SpreadsheetTable table, List<@Nullable SpreadsheetField> mapping,
                          @Nullable LocalDateTime t0) {
        public Request {
            mapping = java.util.Collections.unmodifiableList(new ArrayList<>(mapping));
        }
    }

    /**
     * The template the rows make and every problem with them, by row and column (empty: it may be
     * imported); schedule warnings are advisory, as in the JSON import.
     */
    public record Preview(TemplateContent content, List<String> problems, List<ScheduleWarning> scheduleWarnings,
                          Map<UUID, Integer> rowOfItem, boolean startHoldsDateTimes) {

        public boolean importable() {
            return problems.isEmpty();
        }
    }

    /** Reads the first sheet of an XLSX workbook or a CSV file; refuses a file that is too large, empty, too long or not a spreadsheet. */
    public SpreadsheetTable read(String fileName, byte[] bytes) {
        if (bytes.length > uploadLimits.maxFileBytes()) {
            throw new RuleViolationException(null, "“" + fileName + "” is larger than " + uploadLimits.label()
                    + ". Save only the sheet with the items, or split the template.");
        }
        if (bytes.length == 0) {
            throw new RuleViolationException(null, "“" + fileName + "” is empty. Its first row names the columns (for example Section, "
                    + "Title, Start, Duration) and each row under it is one item.");
        }
        return SpreadsheetFiles.read(fileName, bytes, TemplateContent.MAX_ITEMS);
    }

    /** The field each column holds judging by its header (the export's headers and common synonyms); null: not recognised. */
    public List<@Nullable SpreadsheetField> autoMap(TemplateKind kind, SpreadsheetTable table) {
        return SpreadsheetRows.autoMap(kind, table.headers());
    }

    public Preview preview(Request request) {
        SpreadsheetRows.Converted converted = SpreadsheetRows.convert(request.kind(), request.table(), request.mapping(), request.t0());
        List<String> problems = new ArrayList<>(nameProblems(request.name()));
        problems.addAll(converted.problems());
        List<ScheduleWarning> warnings = problems.isEmpty() ? converted.content().scheduleWarnings() : List.of();
        return new Preview(converted.content(), problems, warnings, converted.rowOfItem(), converted.startHoldsDateTimes());
    }

    /**
     * Imports the rows as a new draft template and returns it. Any problem refuses the whole file,
     * listing what is wrong and where; then nothing is imported.
     */
    public TemplateTransfer.Imported importRows(Request request) {
        Preview preview = preview(request);
        if (!preview.importable()) {
            throw new RuleViolationException(null, "Nothing was imported. " + TemplateTransfer.listed(preview.problems())
                    + " Correct the file and import it again.");
        }
        Long id = library.create(request.name(), null, preview.content(), "Imported from " + request.table().fileName() + " as");
        return new TemplateTransfer.Imported(id, preview.scheduleWarnings());
    }

    /** Reads, maps by the headers and imports in one go: a file written in the export's layout needs nothing more. */
    public TemplateTransfer.Imported importFile(TemplateKind kind, String name, String fileName, byte[] bytes, @Nullable LocalDateTime t0) {
        SpreadsheetTable table = read(fileName, bytes);
        return importRows(new Request(kind, name, table, autoMap(kind, table), t0));
    }

    private List<String> nameProblems(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            return List.of("Give the template a name.");
        }
        if (clean.length() > Template.NAME_MAX) {
            return List.of(TemplateContent.tooLong(clean, Template.NAME_MAX, "The template name").orElseThrow() + " Shorten it.");
        }
        if (library.nameInUse(clean)) {
            return List.of("A template named “" + clean + "” already exists here. Choose another name.");
        }
        return List.of();
    }
}
