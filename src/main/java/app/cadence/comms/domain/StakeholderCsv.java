package app.cadence.comms.domain;

import app.cadence.shared.SpreadsheetText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The stakeholder register as a CSV file, both ways. Reading is strict and complete: every row is
 * checked, and every problem is reported by row (as a spreadsheet numbers it, the header being row
 * 1) and column, so that one round of corrections fixes the file; the caller imports nothing
 * unless there is none. Comma or semicolon separated (Excel in countries with a decimal comma
 * writes semicolons), UTF-8 with or without a byte order mark, quotes as RFC 4180 has them.
 */
@NamedInterface("api")
public final class StakeholderCsv {

    /** The columns, in the order the export writes them; headers are matched ignoring case, spaces and the aliases. */
    public enum Column {
        NAME("Name", StakeholderDraft.NAME, "name", "full name"),
        EMAIL("Email", StakeholderDraft.EMAIL, "email", "e-mail", "email address"),
        ORGANISATION("Organisation", StakeholderDraft.ORGANISATION, "organisation", "organization", "company"),
        ROLE("Role", StakeholderDraft.ROLE, "role", "title", "job title"),
        INFLUENCE("Influence", StakeholderDraft.INFLUENCE, "influence", "power"),
        INTEREST("Interest", StakeholderDraft.INTEREST, "interest"),
        CHANNEL("Channel", StakeholderDraft.CHANNEL, "channel", "preferred channel"),
        NOTES("Notes", StakeholderDraft.NOTES, "notes", "note", "comments");

        private final String header;
        private final String field;
        private final List<String> names;

        Column(String header, String field, String... names) {
            this.header = header;
            this.field = field;
            this.names = List.of(names);
        }

        public String header() {
            return header;
        }

        static Optional<Column> ofHeader(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Column c : values()) {
                if (c.names.contains(t)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        static Column ofField(String field) {
            for (Column c : values()) {
                if (c.field.equals(field)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(field);
        }
    }

    /** More problems than this are counted, not listed: nobody reads the 300th. */
    public static final int ERRORS_SHOWN = 50;
    /** A register is people a PM knows by name; a file with more rows is a mistake (or a whole directory). */
    public static final int ROWS_MAX = 5_000;

    /** One data row that passed every check, with its spreadsheet row number. */
    public record Row(int number, StakeholderDraft draft) {
    }

    /** The rows of a file, or what is wrong with it ({@code errors} empty when it may be imported). */
    public record Parsed(List<Row> rows, List<String> errors, int errorCount) {

        public boolean ok() {
            return errorCount == 0;
        }

        /** The problems as shown: the first {@link #ERRORS_SHOWN}, then how many more there are. */
        public List<String> shownErrors() {
            if (errorCount <= errors.size()) {
                return errors;
            }
            List<String> shown = new ArrayList<>(errors);
            int more = errorCount - errors.size();
            shown.add("… and " + more + " more " + (more == 1 ? "problem" : "problems") + ".");
            return shown;
        }
    }

    private StakeholderCsv() {
    }

    /** Reads a file: every row checked, duplicates of one address within the file refused (the second names the first). */
    public static Parsed read(byte[] bytes) {
        Problems problems = new Problems();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and upload it again.");
            return problems.parsed(List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add("The file is empty. The first row names the columns, e.g. " + headerLine(',') + "; each row after it is one stakeholder.");
            return problems.parsed(List.of());
        }
        char separator = separatorOf(text);
        List<List<String>> records = new ArrayList<>();
        Optional<String> broken = split(text, separator, records);
        if (broken.isPresent()) {
            problems.add(broken.get());
            return problems.parsed(List.of());
        }
        Map<Integer, Column> columns = header(records.getFirst(), problems);
        if (!problems.none()) {
            return problems.parsed(List.of());
        }
        int dataRows = (int) records.stream().skip(1).filter(r -> !isBlank(r)).count();
        if (dataRows == 0) {
            problems.add("The file has a header but no stakeholders: add one row per stakeholder under the header.");
            return problems.parsed(List.of());
        }
        if (dataRows > ROWS_MAX) {
            problems.add("The file has " + dataRows + " stakeholders; at most " + ROWS_MAX + " are imported at once. Split the file.");
            return problems.parsed(List.of());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            int rowNumber = i + 1;
            if (isBlank(record)) {
                continue;
            }
            if (record.size() > records.getFirst().size()) {
                problems.add("Row " + rowNumber + ": it has " + record.size() + " values but the header names " + records.getFirst().size()
                        + " columns. Put quotes around a value that contains “" + separator + "”.");
                continue;
            }
            Map<Column, String> cells = new LinkedHashMap<>();
            columns.forEach((index, column) -> cells.put(column, index < record.size() ? unquoteFormula(record.get(index)) : ""));
            StakeholderDraft draft = draft(rowNumber, cells, problems);
            if (draft == null) {
                continue;
            }
            List<StakeholderDraft.Problem> wrong = draft.problems();
            wrong.forEach(p -> problems.add(cell(rowNumber, Column.ofField(p.field()), p.message())));
            String key = draft.emailKey();
            if (key != null) {
                Integer first = firstRowOfEmail.putIfAbsent(key, rowNumber);
                if (first != null) {
                    problems.add(cell(rowNumber, Column.EMAIL, draft.email() + " is already on row " + first
                            + ". Keep one row per person."));
                    continue;
                }
            }
            if (wrong.isEmpty()) {
                rows.add(new Row(rowNumber, draft));
            }
        }
        return problems.parsed(rows);
    }

    /** The register as a file to open in a spreadsheet: the import's columns, values that would start a formula made inert. */
    public static byte[] write(List<StakeholderDraft> stakeholders) {
        StringBuilder csv = new StringBuilder(headerLine(',')).append("\r\n");
        for (StakeholderDraft s : stakeholders) {
            List<String> values = List.of(s.name(), orEmpty(s.email()), orEmpty(s.organisation()), orEmpty(s.role()),
                    s.influence() == null ? "" : s.influence().label(), s.interest() == null ? "" : s.interest().label(),
                    s.channel() == null ? "" : s.channel().label(), orEmpty(s.notes()));
            csv.append(String.join(",", values.stream().map(StakeholderCsv::field).toList())).append("\r\n");
        }
        // The byte order mark makes Excel read the file as UTF-8.
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** The header row, as the user guide and the import dialog show it. */
    public static String headerLine(char separator) {
        return String.join(String.valueOf(separator), java.util.Arrays.stream(Column.values()).map(Column::header).toList());
    }

    private static @Nullable StakeholderDraft draft(int row, Map<Column, String> cells, Problems problems) {
        int before = problems.count;
        StakeholderLevel influence = level(row, Column.INFLUENCE, cells, problems);
        StakeholderLevel interest = level(row, Column.INTEREST, cells, problems);
        String channelText = cells.getOrDefault(Column.CHANNEL, "");
        StakeholderChannel channel = StakeholderChannel.EMAIL;
        if (!channelText.isBlank()) {
            channel = StakeholderChannel.parse(channelText).orElse(null);
            if (channel == null) {
                problems.add(cell(row, Column.CHANNEL, "“" + channelText.strip() + "” is not a channel. Use one of: "
                        + String.join(", ", java.util.Arrays.stream(StakeholderChannel.values()).map(StakeholderChannel::label).toList()) + "."));
            }
        }
        StakeholderDraft draft = new StakeholderDraft(cells.getOrDefault(Column.NAME, ""), cells.get(Column.EMAIL), cells.get(Column.ORGANISATION),
                cells.get(Column.ROLE), influence, interest, channel, cells.get(Column.NOTES));
        if (problems.count > before) {
            // The level and channel problems are reported; the draft's own checks still run for the other columns.
            draft.problems().stream().filter(p -> !p.field().equals(StakeholderDraft.INFLUENCE) && !p.field().equals(StakeholderDraft.INTEREST)
                    && !p.field().equals(StakeholderDraft.CHANNEL)).forEach(p -> problems.add(cell(row, Column.ofField(p.field()), p.message())));
            return null;
        }
        return draft;
    }

    /** A blank level is medium: most stakeholders are, and a PM adds the exceptions. */
    private static @Nullable StakeholderLevel level(int row, Column column, Map<Column, String> cells, Problems problems) {
        String text = cells.getOrDefault(column, "");
        if (text.isBlank()) {
            return StakeholderLevel.MEDIUM;
        }
        Optional<StakeholderLevel> level = StakeholderLevel.parse(text);
        if (level.isEmpty()) {
            problems.add(cell(row, column, "“" + text.strip() + "” is not a level. Use Low, Medium or High."));
        }
        return level.orElse(null);
    }

    private static Map<Integer, Column> header(List<String> names, Problems problems) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<Column, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Optional<Column> column = Column.ofHeader(name);
            if (column.isEmpty()) {
                problems.add("Row 1, column " + (i + 1) + ": “" + name + "” is not a column Cadence knows. The columns are "
                        + headerLine(',').replace(",", ", ") + " (any order, any case).");
            } else if (seen.putIfAbsent(column.get(), i) != null) {
                problems.add("Row 1, column " + (i + 1) + ": “" + name + "” names the " + column.get().header() + " column a second time.");
            } else {
                columns.put(i, column.get());
            }
        }
        if (!seen.containsKey(Column.NAME) && problems.none()) {
            problems.add("Row 1: the file has no Name column. The first row names the columns, e.g. " + headerLine(',') + ".");
        }
        return columns;
    }

    private static String cell(int row, Column column, String message) {
        return "Row " + row + ", column " + column.header() + ": " + message;
    }

    /** The separator the header row uses: semicolon when it has more of them than commas. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    /** RFC 4180 records; a quote left open is reported with the row it opened on. */
    private static Optional<String> split(String text, char separator, List<List<String>> records) {
        List<String> record = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int quoteOpenedOnRow = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.toString().isBlank()) {
                quoted = true;
                value.setLength(0);
                quoteOpenedOnRow = records.size() + 1;
            } else if (c == separator) {
                record.add(value.toString());
                value.setLength(0);
            } else if (c == '\r' || c == '\n') {
                record.add(value.toString());
                value.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                value.append(c);
            }
            i++;
        }
        if (quoted) {
            return Optional.of("Row " + quoteOpenedOnRow + ": a value opens a quote (\") that is never closed. Close it, or double a quote inside a value (\"\").");
        }
        if (!value.isEmpty() || !record.isEmpty()) {
            record.add(value.toString());
            records.add(record);
        }
        return Optional.empty();
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** The apostrophe Cadence's export puts before a value that would start a formula is not part of the value. */
    private static String unquoteFormula(String value) {
        return value.startsWith("'") && value.length() > 1 && SpreadsheetText.startsFormula(value.substring(1)) ? value.substring(1) : value;
    }

    private static String field(String value) {
        return "\"" + SpreadsheetText.neutralise(value).replace("\"", "\"\"") + "\"";
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static final class Problems {
        private final List<String> shown = new ArrayList<>();
        private int count;

        void add(String message) {
            count++;
            if (shown.size() < ERRORS_SHOWN) {
                shown.add(message);
            }
        }

        boolean none() {
            return count == 0;
        }

        Parsed parsed(List<Row> rows) {
            return new Parsed(count == 0 ? rows : List.of(), List.copyOf(shown), count);
        }
    }
}
