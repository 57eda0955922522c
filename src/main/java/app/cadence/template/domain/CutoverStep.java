package app.cadence.template.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A step of a cutover runbook, planned relative to T0 (the moment of switch-over).
 *
 * @param recurrence how a hypercare check recurs after go-live; null for a step done once
 */
@NamedInterface("api")
public record CutoverStep(UUID key, String title, @Nullable String description, StepType type,
                          int offsetMinutes, int durationMinutes, @Nullable String ownerRole,
                          List<UUID> predecessors, @Nullable String rollbackTrigger,
                          @Nullable String rollbackInstructions, boolean evidenceRequired,
                          @Nullable StepRecurrence recurrence) implements TemplateItem {

    public CutoverStep {
        predecessors = List.copyOf(predecessors);
    }

    /** A step done once: most steps of a runbook. */
    public CutoverStep(UUID key, String title, @Nullable String description, StepType type, int offsetMinutes, int durationMinutes,
                       @Nullable String ownerRole, List<UUID> predecessors, @Nullable String rollbackTrigger,
                       @Nullable String rollbackInstructions, boolean evidenceRequired) {
        this(key, title, description, type, offsetMinutes, durationMinutes, ownerRole, predecessors, rollbackTrigger,
                rollbackInstructions, evidenceRequired, null);
    }

    /** This step recurring as given (null: done once). */
    public CutoverStep withRecurrence(@Nullable StepRecurrence rule) {
        return new CutoverStep(key, title, description, type, offsetMinutes, durationMinutes, ownerRole, predecessors, rollbackTrigger,
                rollbackInstructions, evidenceRequired, rule);
    }

    /** This step no longer waiting for any of the given steps (removed from the runbook). */
    public CutoverStep withoutPredecessors(Set<UUID> keys) {
        if (predecessors.stream().noneMatch(keys::contains)) {
            return this;
        }
        return new CutoverStep(key, title, description, type, offsetMinutes, durationMinutes, ownerRole,
                predecessors.stream().filter(p -> !keys.contains(p)).toList(), rollbackTrigger, rollbackInstructions, evidenceRequired,
                recurrence);
    }

    @Override
    public LinkedHashMap<String, String> fields() {
        LinkedHashMap<String, String> f = new LinkedHashMap<>();
        f.put("Title", title);
        f.put("Description", text(description));
        f.put("Type", type.label());
        f.put("Planned start", RelativeTime.clock(offsetMinutes));
        f.put("Duration", RelativeTime.formatDuration(durationMinutes));
        f.put("Owner role", text(ownerRole));
        // A set, not a sequence: the order the author picked them in means nothing, so reordering is no change.
        f.put("Predecessors", predecessors.stream().map(UUID::toString).sorted().toList().toString());
        f.put("Rollback trigger", text(rollbackTrigger));
        f.put("Rollback instructions", text(rollbackInstructions));
        f.put("Evidence required", evidenceRequired ? "Yes" : "No");
        f.put("Recurs", recurrence == null ? "" : recurrence.label());
        return f;
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
