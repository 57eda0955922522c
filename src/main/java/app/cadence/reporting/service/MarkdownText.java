package app.cadence.reporting.service;

import java.util.List;

/**
 * Text that people typed, placed into Markdown: characters that would start emphasis, a link, a
 * heading, a list, a table or raw HTML are escaped with a backslash, and line breaks become spaces,
 * so that a name like "*Phase 2* [draft]" reads as typed and cannot break the list it is in.
 */
final class MarkdownText {

    static final String NONE = "None.";
    private static final String SIGNIFICANT = "\\`*_{}[]<>#|~";

    private MarkdownText() {
    }

    static String escape(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (char c : flat.toCharArray()) {
            if (SIGNIFICANT.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // A leading "-" or "+" would start a list where the text opens a line.
        if (!out.isEmpty() && (out.charAt(0) == '-' || out.charAt(0) == '+')) {
            out.insert(0, '\\');
        }
        return out.toString();
    }

    /** One bullet per line, "None." when there is nothing. The lines are Markdown already. */
    static String bullets(List<String> lines) {
        if (lines.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("- ").append(line);
        }
        return out.toString();
    }
}
