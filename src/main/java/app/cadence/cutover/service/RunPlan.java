package app.cadence.cutover.service;

import app.cadence.cutover.domain.Runbook;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The plan a run follows: the runbook the domain computes with, and what people read of each step
 * (its section, owner role, description, rollback trigger). Built from a published template
 * version, which never changes, so one plan serves every run of that version.
 */
record RunPlan(Runbook runbook, Map<UUID, StepInfo> steps, List<String> ownerRoles) {

    /** A step as the run screen shows it, in runbook order. */
    record StepInfo(UUID key, int position, String sectionTitle, @Nullable SectionRole sectionRole, CutoverStep step) {
    }

    static RunPlan of(TemplateContent content) {
        Map<UUID, StepInfo> steps = new LinkedHashMap<>();
        Set<String> roles = new LinkedHashSet<>();
        int position = 0;
        for (TemplateSection section : content.sections()) {
            for (var item : section.items()) {
                CutoverStep step = (CutoverStep) item;
                steps.put(step.key(), new StepInfo(step.key(), position++, section.title(), section.role(), step));
                if (step.ownerRole() != null && !step.ownerRole().isBlank()) {
                    roles.add(step.ownerRole().strip());
                }
            }
        }
        List<String> sorted = new ArrayList<>(roles);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        return new RunPlan(Runbook.of(content), steps, List.copyOf(sorted));
    }

    StepInfo step(UUID key) {
        StepInfo info = steps.get(key);
        if (info == null) {
            throw new IllegalArgumentException("No step " + key + " in this runbook");
        }
        return info;
    }

    @Nullable String ownerRole(UUID key) {
        String role = step(key).step().ownerRole();
        return role == null || role.isBlank() ? null : role.strip();
    }
}
