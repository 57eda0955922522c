package app.cadence.reporting.service;

import org.springframework.modulith.NamedInterface;

/** A report's PDF, named for download. */
@NamedInterface("api")
public record ReportFile(String fileName, byte[] bytes) {
}
