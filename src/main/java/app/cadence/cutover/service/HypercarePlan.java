package app.cadence.cutover.service;

import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.domain.StepType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a run's plan says about hypercare: the recurring checks (steps that carry a recurrence —
 * the template allows one only in a hypercare section) and the exit milestone, the last
 * milestone of the hypercare section(s), whose sign-off ends hypercare.
 */
record HypercarePlan(Map<UUID, RunPlan.StepInfo> checks, RunPlan.@Nullable StepInfo exit) {

    static HypercarePlan of(RunPlan plan) {
        Map<UUID, RunPlan.StepInfo> checks = new LinkedHashMap<>();
        RunPlan.StepInfo exit = null;
        for (RunPlan.StepInfo info : plan.steps().values()) {
            if (info.step().recurrence() != null) {
                checks.put(info.key(), info);
            }
            if (info.sectionRole() == SectionRole.HYPERCARE && info.step().type() == StepType.MILESTONE) {
                exit = info;
            }
        }
        return new HypercarePlan(checks, exit);
    }

    boolean isEmpty() {
        return checks.isEmpty() && exit == null;
    }

    StepRecurrence rule(UUID stepKey) {
        return java.util.Objects.requireNonNull(checks.get(stepKey).step().recurrence());
    }
}
