package app.cadence.template.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the steps of a cutover runbook planned to start before one of their predecessors is
 * planned to finish (offset + duration), as the designer, import and publishing show them.
 * <p>
 * Which pairs are compared, and why:
 * <ul>
 *   <li><b>Forward steps</b> (every section but rollback) against forward predecessors: they run
 *       on the planned clock, so an overlap is a real clash on cutover night.</li>
 *   <li><b>Rollback steps</b> against rollback predecessors only. The rollback branch runs when
 *       someone invokes it, at a time nobody knows in advance; a run schedules the branch from
 *       that moment, keeping the planned distances between its steps (see the cutover module's
 *       forecast). Distances inside the branch mean something; a rollback step's offset against a
 *       forward step's ("restore after the backup") does not, so such pairs are not compared.</li>
 *   <li>A forward step that waits for a rollback step is not compared either: its times and the
 *       branch's do not share a clock.</li>
 * </ul>
 * Times are compared in minutes, a day counted as 24 hours: a template has no dates, so the hour
 * a daylight-saving change adds or removes between two steps is not known here. Predecessors that
 * are not steps of the runbook are left to {@link TemplateContent#problems()}.
 */
public final class ScheduleCheck {

    private ScheduleCheck() {
    }

    /** The warnings in runbook order: by step, then by the predecessor's place in the runbook. Empty for other kinds. */
    public static List<ScheduleWarning> of(TemplateContent content) {
        if (content.kind() != TemplateKind.CUTOVER) {
            return List.of();
        }
        Map<UUID, Placed> placed = new HashMap<>();
        List<Placed> inOrder = new ArrayList<>();
        for (TemplateSection section : content.sections()) {
            boolean rollback = section.role() == SectionRole.ROLLBACK;
            for (TemplateItem item : section.items()) {
                if (item instanceof CutoverStep step) {
                    Placed p = new Placed(step, rollback, inOrder.size());
                    placed.putIfAbsent(step.key(), p);
                    inOrder.add(p);
                }
            }
        }
        List<ScheduleWarning> warnings = new ArrayList<>();
        for (Placed successor : inOrder) {
            successor.step().predecessors().stream()
                    .map(placed::get)
                    .filter(p -> p != null && p.rollback() == successor.rollback())
                    .filter(p -> successor.step().offsetMinutes() < finish(p.step()))
                    .sorted(Comparator.comparingInt(Placed::index))
                    .distinct()
                    .forEach(p -> warnings.add(warning(successor.step(), p.step())));
        }
        return List.copyOf(warnings);
    }

    private static int finish(CutoverStep step) {
        return step.offsetMinutes() + step.durationMinutes();
    }

    private static ScheduleWarning warning(CutoverStep step, CutoverStep predecessor) {
        return new ScheduleWarning(step.key(), predecessor.key(), "“" + step.title() + "” is planned to start at "
                + TMinusNotation.offset(step.offsetMinutes()) + ", before its predecessor “" + predecessor.title() + "” finishes at "
                + TMinusNotation.offset(finish(predecessor)) + ".");
    }

    /** A step with the branch it belongs to and its place in the runbook. */
    private record Placed(CutoverStep step, boolean rollback, int index) {
    }
}
