package app.cadence.shared;

/**
 * Text that goes into a spreadsheet cell and must stay text (CSV injection, OWASP's advice). Used
 * by every export that writes CSV or XLSX (the portfolio, a run's runbook): moved here from the
 * portfolio's export so that both judge "would start a formula" the same way.
 */
public final class SpreadsheetText {

    /**
     * The characters that can start a formula: = + - @ and their full-width twins (U+FF1D, U+FF0B,
     * U+FF0D, U+FF20), which some East Asian input methods type and some spreadsheets fold to ASCII.
     */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private SpreadsheetText() {
    }

    /**
     * Makes a text cell inert in a spreadsheet: a cell that would start a formula gets an
     * apostrophe in front, so that Excel, LibreOffice and Google Sheets show it as text. "Would
     * start a formula" is judged after what spreadsheets skip before a formula — ASCII and Unicode
     * spaces (e.g. the no-break space U+00A0), zero-width characters and double quotes — because
     * {@code " =1+1"} is live in some of them. Tab and carriage return count as formula starts too.
     * <p>
     * Excel in locales with a decimal comma splits CSV on {@code ;} and some readers do so even
     * inside quotes, so every {@code ;} starts a cell as far as this check goes: a formula start
     * after one gets an apostrophe right after the {@code ;} ({@code x;=2*3} becomes
     * {@code x;'=2*3}). Text where {@code -} or {@code +} follows anything else ("Phase 1 - build")
     * is left alone.
     */
    public static String neutralise(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        int cellStart = 0; // where the current ;-delimited piece starts
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ';') {
                if (startsFormula(value, cellStart, i)) {
                    out.append('\'');
                }
                out.append(value, cellStart, i);
                if (i < value.length()) {
                    out.append(';');
                }
                cellStart = i + 1;
            }
        }
        return out.toString();
    }

    /** Whether a spreadsheet would read the whole value as a formula (an XLSX text cell then gets the quote prefix). */
    public static boolean startsFormula(String value) {
        return startsFormula(value, 0, value.length());
    }

    private static boolean startsFormula(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || FORMULA_STARTS.indexOf(c) >= 0) {
                return true;
            }
            if (!skippedBeforeFormula(c)) {
                return false;
            }
        }
        return false;
    }

    /** What a spreadsheet may pass over before it decides whether a cell is a formula. */
    private static boolean skippedBeforeFormula(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) // ASCII, Unicode spaces incl. U+00A0, U+2007, U+202F
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' // zero-width
                || c == '"';
    }
}
