package app.cadence.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A sheet's cells as a spreadsheet shows them, row by row, as wide as its header row: for tests that read an export back. */
public final class SheetRows {

    private SheetRows() {
    }

    public static List<List<String>> of(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        int width = sheet.getRow(0).getLastCellNum();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }
}
