package app.cadence.template.service;

import java.util.List;

/**
 * The first sheet of an uploaded XLSX file, or a CSV file, as text: its header row and its rows
 * with content, each with the number the spreadsheet shows for it (the header is usually row 1).
 * Blank rows are left out; cells are as the spreadsheet displays them, dates as ISO date-times.
 */
public record SpreadsheetTable(String fileName, List<String> headers, List<Row> rows) {

    public SpreadsheetTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One row: its spreadsheet number and its cells, as many as there are headers. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The column's header, or its letter when the header cell is empty ("column C"). */
    public String columnName(int column) {
        String header = column < headers.size() ? headers.get(column).strip() : "";
        return header.isEmpty() ? letter(column) : header;
    }

    /** A, B, … Z, AA, AB …: how the spreadsheet names the column. */
    public static String letter(int column) {
        StringBuilder out = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
