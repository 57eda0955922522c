package app.cadence.work.domain;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The steps of a runbook's critical path: the chain that ends with the step planned to finish
 * last, followed back at each step through the predecessor that finishes last (all of them on a
 * tie). Rollback steps are left out: they only run if the rollback is invoked.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    public static Set<UUID> of(TemplateContent content) {
        if (content.kind() != TemplateKind.CUTOVER) {
            return Set.of();
        }
        Map<UUID, CutoverStep> steps = new HashMap<>();
        for (TemplateSection section : content.sections()) {
            if (section.role() == SectionRole.ROLLBACK) {
                continue;
            }
            section.items().forEach(item -> {
                if (item instanceof CutoverStep step) {
                    steps.put(step.key(), step);
                }
            });
        }
        int lastFinish = steps.values().stream().mapToInt(CriticalPath::finish).max().orElse(Integer.MIN_VALUE);
        Set<UUID> critical = new HashSet<>();
        Deque<CutoverStep> todo = new ArrayDeque<>();
        steps.values().stream().filter(s -> finish(s) == lastFinish).forEach(todo::add);
        while (!todo.isEmpty()) {
            CutoverStep step = todo.pop();
            if (!critical.add(step.key())) {
                continue;
            }
            int latest = step.predecessors().stream().map(steps::get).filter(java.util.Objects::nonNull)
                    .mapToInt(CriticalPath::finish).max().orElse(Integer.MIN_VALUE);
            step.predecessors().stream().map(steps::get).filter(java.util.Objects::nonNull)
                    .filter(p -> finish(p) == latest).forEach(todo::add);
        }
        return critical;
    }

    private static int finish(CutoverStep step) {
        return step.offsetMinutes() + step.durationMinutes();
    }
}
