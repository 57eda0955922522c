package app.cadence.template.service;

import app.cadence.shared.domain.RuleViolationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an XLSX workbook's first sheet or of a CSV file, through Apache POI's
 * streaming (SAX) reader and Apache Commons CSV: a large sheet is read row by row, never held as
 * a POI workbook. Stops as soon as the file has more rows than a template may hold. Every refusal
 * is a sentence naming the file and what to do.
 */
final class SpreadsheetFiles {

    /** Columns read: a template needs at most thirteen; more is a whole other sheet. */
    static final int MAX_COLUMNS = 100;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SpreadsheetFiles() {
    }

    static SpreadsheetTable read(String fileName, byte[] bytes, int maxRows) {
        Rows rows = new Rows(fileName, maxRows);
        FileMagic magic = FileMagic.valueOf(bytes);
        switch (magic) {
            case OOXML -> readWorkbook(fileName, bytes, rows);
            case OLE2 -> throw refusal("“" + fileName + "” is an older Excel workbook (.xls) or a password-protected one. Open it in Excel, "
                    + "remove any password and save it as an Excel Workbook (.xlsx) or as CSV, then import that.");
            case UNKNOWN -> {
                if (!looksLikeText(bytes)) {
                    throw notASpreadsheet(fileName);
                }
                readCsv(fileName, text(bytes), rows);
            }
            default -> throw notASpreadsheet(fileName);
        }
        return rows.table();
    }

    private static RuleViolationException notASpreadsheet(String fileName) {
        return refusal("“" + fileName + "” is not a spreadsheet Cadence reads. Choose an Excel workbook (.xlsx) or a CSV file.");
    }

    private static RuleViolationException refusal(String message) {
        return new RuleViolationException(null, message);
    }

    // --- XLSX ---------------------------------------------------------------------------------

    private static void readWorkbook(String fileName, byte[] bytes, Rows rows) {
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw rows.empty();
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
                    new SheetRows(rows), new IsoDates(), false));
            try (InputStream firstSheet = sheets.next()) {
                parser.parse(new InputSource(firstSheet));
            }
        } catch (RuleViolationException e) {
            throw e;
        } catch (Exception e) {
            // A damaged zip, a Word document renamed .xlsx, a zip bomb POI refuses: all unreadable to the user.
            throw refusal("“" + fileName + "” could not be read as an Excel workbook: it may be damaged or another kind of file. "
                    + "Open it in Excel and save it again as an Excel Workbook (.xlsx) or as CSV.");
        }
    }

    /** Collects a sheet's cells, streamed by POI, into rows; cells may be missing (blank) or come with no reference. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(rowNum + 1, cells);
        }

        /** The column of a reference such as "AB12": 27. (POI's CellReference would do, at many objects per cell.) */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : column(cellReference);
            nextColumn = column + 1;
            if (column >= MAX_COLUMNS) {
                rows.tooWide();
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }

    /**
     * Cells as displayed, except dates and times: those come as ISO text ("2026-06-01 20:00") so
     * that the import reads them the same whatever the workbook's locale and date format; a time of
     * day alone ("1:30", e.g. a duration typed as time) comes as hours:minutes.
     */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ENGLISH);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (formatString == null || !DateUtil.isADateFormat(formatIndex, formatString) || !DateUtil.isValidExcelDate(value)) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
            }
            if (value < 1 || formatString.contains("[h")) {
                long minutes = Math.round(value * 24 * 60);
                return (minutes / 60) + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
            }
            LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            return DATE_TIME.format(at);
        }
    }

    // --- CSV ----------------------------------------------------------------------------------

    private static void readCsv(String fileName, String text, Rows rows) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separatorOf(content)).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            for (CSVRecord record : parser) {
                if (record.size() > MAX_COLUMNS) {
                    rows.tooWide();
                }
                rows.add((int) record.getRecordNumber(), record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw refusal("“" + fileName + "” could not be read as CSV: a quoted cell is not closed or a quote stands inside a cell ("
                    + (e.getMessage() == null ? "" : e.getMessage().replaceAll("^.*?(\\(line \\d+\\)).*$", "$1").strip())
                    + "). Save the file again from your spreadsheet as CSV.");
        }
    }

    /** Excel writes ";" where the decimal separator is a comma, and some tools write tabs: the header line tells. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /**
     * UTF-8 ("CSV UTF-8" in Excel), or else Windows-1252, which Excel's plain "CSV" writes in
     * Western Europe and the Americas: every byte sequence decodes, so accents are kept either way.
     */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** No NUL byte in the first 8 KB: an image, a PDF or an executable has some, text never does. */
    private static boolean looksLikeText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }

    // --- both ---------------------------------------------------------------------------------

    /** The rows read so far: the first with content is the header, blank ones are skipped, at most {@code maxRows} after it. */
    private static final class Rows {

        private final String fileName;
        private final int maxRows;
        private List<String> headers;
        private final List<SpreadsheetTable.Row> rows = new ArrayList<>();

        Rows(String fileName, int maxRows) {
            this.fileName = fileName;
            this.maxRows = maxRows;
        }

        void add(int number, List<String> cells) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (headers == null) {
                headers = List.copyOf(trimmed(cells));
                return;
            }
            if (rows.size() == maxRows) {
                throw refusal("“" + fileName + "” has more than " + String.format(Locale.ENGLISH, "%,d", maxRows)
                        + " rows of items; a template holds at most " + String.format(Locale.ENGLISH, "%,d", maxRows)
                        + ". Split it into smaller templates.");
            }
            List<String> row = new ArrayList<>(cells.subList(0, Math.min(cells.size(), headers.size())));
            while (row.size() < headers.size()) {
                row.add("");
            }
            rows.add(new SpreadsheetTable.Row(number, row));
        }

        void tooWide() {
            throw refusal("“" + fileName + "” has more than " + MAX_COLUMNS + " columns; a template needs at most thirteen. "
                    + "Delete the columns Cadence does not need, or copy the ones it does into a new sheet.");
        }

        RuleViolationException empty() {
            return refusal("“" + fileName + "” is empty. Its first row names the columns (for example Section, Title, Start, Duration) "
                    + "and each row under it is one item.");
        }

        SpreadsheetTable table() {
            if (headers == null) {
                throw empty();
            }
            if (rows.isEmpty()) {
                throw refusal("“" + fileName + "” has a header row but no items under it: add one row per item.");
            }
            return new SpreadsheetTable(fileName, headers, rows);
        }

        /** Without the empty cells after the last header: a sheet's formatting often reaches far to the right. */
        private static List<String> trimmed(List<String> cells) {
            int end = cells.size();
            while (end > 0 && cells.get(end - 1).isBlank()) {
                end--;
            }
            return cells.subList(0, end);
        }
    }
}
