package app.cadence.cutover.domain;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A step of the plan a run follows: what a run needs of a runbook's {@link CutoverStep}.
 *
 * @param offsetMinutes    planned start relative to T0, negative before it
 * @param predecessors     keys of the steps that must finish before this one starts
 * @param rollback         in the rollback branch (a section with role ROLLBACK): runs only once
 *                         rollback is invoked
 * @param evidenceRequired done only with evidence (a link or a note)
 */
public record RunbookStep(UUID key, String title, StepType type, int offsetMinutes, int durationMinutes,
                          List<UUID> predecessors, boolean rollback, boolean evidenceRequired) {

    public RunbookStep {
        predecessors = List.copyOf(predecessors);
        if (durationMinutes < 0) {
            throw new IllegalArgumentException("A step's duration cannot be negative: " + title);
        }
    }

    public static RunbookStep of(CutoverStep step, @Nullable SectionRole role) {
        return new RunbookStep(step.key(), step.title(), step.type(), step.offsetMinutes(), step.durationMinutes(),
                step.predecessors(), role == SectionRole.ROLLBACK, step.evidenceRequired());
    }
}
