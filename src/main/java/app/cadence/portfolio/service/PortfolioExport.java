package app.cadence.portfolio.service;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.domain.PortfolioQueries;
import app.cadence.portfolio.domain.PortfolioRow;
import app.cadence.shared.SpreadsheetText;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio, with the screen's filters and sort, as CSV and XLSX. Rows are read by one
 * streamed statement and written as they come (the XLSX through POI's streaming writer, which
 * keeps a window of rows and moves older ones to a temporary file), so a large tenant's export
 * never sits in memory whole.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class PortfolioExport {

    /** Rows of the status pack's table handed to the PDF document at a time. */
    static final int PAGE = 500;
    /** The columns written as numbers: the percentages and counts. */
    private static final int FIRST_NUMBER = 12;
    private static final int LAST_NUMBER = 16;
    /** The columns written as dates: start, go-live, close, next key date, last update. */
    private static final java.util.Set<Integer> DATES = java.util.Set.of(8, 9, 10, 11, 17);
    /** Rows kept in memory by the XLSX writer; older ones go to a temporary file. */
    private static final int XLSX_WINDOW = 200;
    static final List<String> HEADERS = List.of("Key", "Name", "Status", "Health", "Health set by hand", "Health reason", "Program", "Project manager",
            "Start", "Go-live", "Close", "Next key date", "Cutover %", "Comms %", "Retro %", "Overdue items", "Blocked items",
            "Last update");

    private final PortfolioQueries queries;
    private final TenantSettings settings;
    private final Clock clock;

    PortfolioExport(PortfolioQueries queries, TenantSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    public void writeCsv(PortfolioFilter filter, Sort sort, OutputStream out) {
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // so that spreadsheet programs read the file as UTF-8
            writer.write(csvLine(HEADERS));
            forEachRow(filter, sort, row -> {
                try {
                    writer.write(csvLine(values(row, today, zone)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeXlsx(PortfolioFilter filter, Sort sort, OutputStream out) {
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW)) {
            Sheet sheet = workbook.createSheet("Portfolio");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 256 * (c == 1 || c == 5 ? 40 : 14)); // name and reason wide, the rest readable
            }
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            // A string cell is never run as a formula when the file opens; the quote prefix also keeps
            // it text when someone edits the cell (F2, Enter), and the spreadsheet shows no apostrophe.
            CellStyle literal = workbook.createCellStyle();
            literal.setQuotePrefixed(true);
            int[] next = {1};
            forEachRow(filter, sort, row -> {
                Row line = sheet.createRow(next[0]++);
                List<String> values = values(row, today, zone);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = line.createCell(c);
                    // Counts and percentages as numbers, so that they sum and sort in the spreadsheet.
                    if (values.get(c).isEmpty()) {
                        continue; // a truly empty cell
                    }
                    if (c >= FIRST_NUMBER && c <= LAST_NUMBER) {
                        cell.setCellValue(Double.parseDouble(values.get(c)));
                    } else if (DATES.contains(c)) {
                        // Real dates, so that they sort and filter as dates in the spreadsheet.
                        cell.setCellValue(LocalDate.parse(values.get(c)));
                        cell.setCellStyle(day);
                    } else {
                        cell.setCellValue(values.get(c)); // a string cell, never a formula
                        if (SpreadsheetText.startsFormula(values.get(c))) {
                            cell.setCellStyle(literal);
                        }
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forEachRow(PortfolioFilter filter, Sort sort, Consumer<PortfolioRow> consumer) {
        Long tenantId = TenantContext.currentTenantId().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
        Instant now = clock.instant();
        PortfolioQueries.HealthBasis basis = PortfolioService.healthBasis(settings, clock);
        queries.forEachRow(tenantId, filter, sort, now, basis, consumer);
    }

    static List<String> values(PortfolioRow r, LocalDate today, ZoneId zone) {
        List<String> v = new ArrayList<>();
        v.add(r.key());
        v.add(r.name());
        v.add(r.status().label());
        v.add(r.health().label());
        v.add(r.healthOverridden() ? "Yes" : "");
        v.add(r.healthReason());
        v.add(text(r.programName()));
        v.add(text(r.pmName()));
        v.add(date(r.startDate()));
        v.add(date(r.goLiveDate()));
        v.add(date(r.closeDate()));
        v.add(date(r.nextKeyDate(today)));
        v.add(r.cutoverPercent() == null ? "" : String.valueOf(r.cutoverPercent()));
        v.add(r.communicationPercent() == null ? "" : String.valueOf(r.communicationPercent()));
        v.add(r.retrospectivePercent() == null ? "" : String.valueOf(r.retrospectivePercent()));
        v.add(String.valueOf(r.overdue()));
        v.add(String.valueOf(r.blocked()));
        v.add(date(LocalDate.ofInstant(r.lastUpdate(), zone)));
        return v;
    }

    /**
     * One CSV line (RFC 4180). Every text cell is quoted and neutralised (see {@link SpreadsheetText#neutralise});
     * the numbers and dates that this class writes itself are left bare so that a spreadsheet reads
     * them as numbers and dates.
     */
    static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values.get(i);
            if (isOurNumberOrDate(i, value)) {
                line.append(value);
            } else {
                line.append('"').append(SpreadsheetText.neutralise(value).replace("\"", "\"\"")).append('"');
            }
        }
        return line.append("\r\n").toString();
    }

    /** Column {@code c} of a data row holds a number or date this class formatted, never user text. */
    private static boolean isOurNumberOrDate(int c, String value) {
        return (c >= FIRST_NUMBER && c <= LAST_NUMBER || DATES.contains(c)) && (value.isEmpty() || value.matches("[0-9][0-9-]*"));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String date(@Nullable LocalDate value) {
        return value == null ? "" : value.toString();
    }
}
