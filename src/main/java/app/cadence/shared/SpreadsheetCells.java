package app.cadence.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles the XLSX exports share (a run's runbook, a template version, an instance) and
 * the one way they write text: as a string cell, never a formula, judged by {@link SpreadsheetText}.
 * One per workbook: a workbook holds a limited number of styles, so cells share these.
 */
public final class SpreadsheetCells {

    /** Header cells and labels. */
    public final CellStyle bold;
    /** A date-time, {@code yyyy-mm-dd hh:mm}. */
    public final CellStyle dateTime;
    /** Text that a spreadsheet would read as a formula once edited: shown as is, kept as text. */
    public final CellStyle literal;

    public SpreadsheetCells(Workbook workbook) {
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        literal = workbook.createCellStyle();
        literal.setQuotePrefixed(true);
    }

    /**
     * A string cell, never a formula. One that a spreadsheet would read as a formula once edited
     * (a T-minus start such as "-2d 4h", notes beginning with "=") gets the quote prefix, which the
     * spreadsheet does not show and which is not part of the cell's value.
     */
    public Cell text(Cell cell, String value) {
        cell.setCellValue(value);
        if (SpreadsheetText.startsFormula(value)) {
            cell.setCellStyle(literal);
        }
        return cell;
    }
}
