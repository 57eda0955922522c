package app.cadence.work.domain;

import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RetroPrompt;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What an instance keeps of a planned template item: its plan facts, with the texts an instance
 * shows (description and rollback of a step; audience, purpose … of a communication) joined into
 * its details. Applying a template and upgrading an instance copy items the same way.
 */
public final class PlannedCopy {

    private PlannedCopy() {
    }

    public static InstanceItem.Copy of(PlannedItem planned) {
        return switch (planned.item()) {
            case CutoverStep step -> new InstanceItem.Copy(step.key(), planned.sectionKey(), planned.sectionTitle(), planned.sectionRole(),
                    planned.sectionPosition(), planned.position(), step.title(), details(step.description(),
                    labelled("Rollback trigger", step.rollbackTrigger()), labelled("Rollback instructions", step.rollbackInstructions())),
                    step.type(), step.ownerRole(), step.durationMinutes(),
                    step.predecessors().isEmpty() ? null : step.predecessors().stream().map(Object::toString).collect(Collectors.joining(",")),
                    step.evidenceRequired(), planned.criticalPath(), planned.due());
            case CommunicationEntry entry -> new InstanceItem.Copy(entry.key(), planned.sectionKey(), planned.sectionTitle(), null,
                    planned.sectionPosition(), planned.position(), entry.title(), details(labelled("Audience", entry.audience()),
                    labelled("Purpose", entry.purpose()), labelled("Artefact", entry.artefact()), labelled("Channel", entry.channel()),
                    labelled("Cadence", entry.cadence().label())),
                    null, entry.ownerRole(), null, null, false, false, planned.due());
            case RetroPrompt prompt -> new InstanceItem.Copy(prompt.key(), planned.sectionKey(), planned.sectionTitle(), null,
                    planned.sectionPosition(), planned.position(), prompt.title(), prompt.prompt(),
                    null, null, null, null, false, false, planned.due());
        };
    }

    private static @Nullable String labelled(String label, @Nullable String value) {
        return value == null || value.isBlank() ? null : label + ": " + value;
    }

    private static @Nullable String details(@Nullable String... parts) {
        String joined = Arrays.stream(parts).filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.joining("\n\n"));
        return joined.isEmpty() ? null : joined;
    }
}
