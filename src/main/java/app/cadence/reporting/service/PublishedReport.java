package app.cadence.reporting.service;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A published status report for sending: {@code markdown} is the whole report, e.g. for an email body. */
@NamedInterface("api")
public record PublishedReport(Long id, Instant publishedAt, String title, String markdown) {
}
