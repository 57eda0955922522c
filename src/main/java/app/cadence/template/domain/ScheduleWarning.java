package app.cadence.template.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A runbook step planned to start before one of its predecessors finishes, with the sentence that
 * says so. Advisory, not a problem: the PMO may mean it (an overlap agreed with the teams), so
 * content with warnings still saves and publishes; screens show it and publishing asks to confirm.
 */
@NamedInterface("api")
public record ScheduleWarning(UUID stepKey, UUID predecessorKey, String message) {
}
