package app.cadence.cutover;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.RunbookStep;
import app.cadence.template.domain.StepType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Hand-made runbooks for the cutover domain tests: steps named, keyed by their name. */
final class Plans {

    static final Instant T0 = Instant.parse("2025-06-14T20:00:00Z");
    static final Actor ANA = new Actor(1, "Ana Lead");
    static final Actor BEN = new Actor(2, "Ben DBA");
    static final Actor CHLOE = new Actor(3, "Chloe Finance");

    private Plans() {
    }

    static UUID key(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A forward step at {@code offset} minutes from T0 lasting {@code duration} minutes. */
    static RunbookStep step(String name, int offset, int duration, String... after) {
        return new RunbookStep(key(name), name, StepType.TASK, offset, duration, keys(after), false, false);
    }

    static RunbookStep rollbackStep(String name, int offset, int duration, String... after) {
        return new RunbookStep(key(name), name, StepType.TASK, offset, duration, keys(after), true, false);
    }

    static RunbookStep evidenced(String name, int offset, int duration, String... after) {
        return new RunbookStep(key(name), name, StepType.TASK, offset, duration, keys(after), false, true);
    }

    static Runbook runbook(RunbookStep... steps) {
        return new Runbook(List.of(steps));
    }

    static Instant t(int minutesFromT0) {
        return T0.plusSeconds(minutesFromT0 * 60L);
    }

    private static List<UUID> keys(String... names) {
        return Arrays.stream(names).map(Plans::key).toList();
    }
}
