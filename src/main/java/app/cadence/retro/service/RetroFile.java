package app.cadence.retro.service;

/** A file made for download: the summary as Markdown or PDF, the actions as CSV. */
public record RetroFile(String fileName, String contentType, byte[] bytes) {

    static final String PDF = "application/pdf";
    static final String MARKDOWN = "text/markdown; charset=UTF-8";
    static final String CSV = "text/csv; charset=UTF-8";
}
