package app.cadence.cutover.service;

/** A file a run export made whole: the name it is offered under, its type, its bytes. */
public record RunFile(String fileName, String contentType, byte[] bytes) {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
