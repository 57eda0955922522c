package app.cadence.cutover.domain;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plan every run of a cutover instance shares: its steps in runbook order, with the
 * predecessor graph checked (known keys, no cycles) and put in topological order once, so that
 * each run's forecast is a single pass over steps and edges.
 */
public final class Runbook {

    private final List<RunbookStep> steps;
    private final Map<UUID, Integer> index;
    /** Positions in {@link #steps}, every step after all of its predecessors. */
    private final int[] topological;
    private final int[][] predecessors;
    private final int[][] successors;

    public Runbook(List<RunbookStep> steps) {
        this.steps = List.copyOf(steps);
        int n = this.steps.size();
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (index.put(this.steps.get(i).key(), i) != null) {
                throw new IllegalArgumentException("Two steps have the key " + this.steps.get(i).key());
            }
        }
        predecessors = new int[n][];
        int[] successorCount = new int[n];
        for (int i = 0; i < n; i++) {
            RunbookStep step = this.steps.get(i);
            predecessors[i] = step.predecessors().stream().distinct().mapToInt(key -> {
                Integer at = index.get(key);
                if (at == null) {
                    throw new IllegalArgumentException("“" + step.title() + "” follows a step that is not in the runbook: " + key);
                }
                return at;
            }).toArray();
            for (int p : predecessors[i]) {
                successorCount[p]++;
            }
        }
        successors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = new int[successorCount[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p : predecessors[i]) {
                successors[p][filled[p]++] = i;
            }
        }
        topological = topologicalOrder();
    }

    /** The runbook of a cutover template version, its rollback sections marked as the rollback branch. */
    public static Runbook of(TemplateContent content) {
        if (content.kind() != TemplateKind.CUTOVER) {
            throw new IllegalArgumentException("Only a cutover runbook can be run, not a " + content.kind());
        }
        List<RunbookStep> steps = new ArrayList<>();
        for (TemplateSection section : content.sections()) {
            section.items().forEach(item -> steps.add(RunbookStep.of((CutoverStep) item, section.role())));
        }
        return new Runbook(steps);
    }

    /** Kahn's algorithm, stable in runbook order among steps that are free at the same time. */
    private int[] topologicalOrder() {
        int n = steps.size();
        int[] open = new int[n];
        for (int i = 0; i < n; i++) {
            open[i] = predecessors[i].length;
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (open[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int i = order[head++];
            for (int s : successors[i]) {
                if (--open[s] == 0) {
                    order[tail++] = s;
                }
            }
        }
        if (tail < n) {
            throw new IllegalArgumentException("The runbook's predecessors form a cycle; a run needs an order to follow.");
        }
        return order;
    }

    public List<RunbookStep> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    public boolean contains(UUID key) {
        return index.containsKey(key);
    }

    public RunbookStep step(UUID key) {
        return steps.get(indexOf(key));
    }

    /**
     * How long before T0 the run begins: the lead of the earliest forward step planned before T0,
     * zero when none is. Starting a run late or early shifts T0 by as much.
     */
    public Duration leadTime() {
        int earliest = steps.stream().filter(s -> !s.rollback()).mapToInt(RunbookStep::offsetMinutes).min().orElse(0);
        return Duration.ofMinutes(Math.max(0, -earliest));
    }

    int indexOf(UUID key) {
        Integer at = index.get(key);
        if (at == null) {
            throw new IllegalArgumentException("No step " + key + " in this runbook");
        }
        return at;
    }

    RunbookStep at(int i) {
        return steps.get(i);
    }

    int[] topological() {
        return topological;
    }

    int[] predecessorsOf(int i) {
        return predecessors[i];
    }

    int[] successorsOf(int i) {
        return successors[i];
    }

    List<RunbookStep> predecessorSteps(int i) {
        List<RunbookStep> out = new ArrayList<>(predecessors[i].length);
        for (int p : predecessors[i]) {
            out.add(steps.get(p));
        }
        return Collections.unmodifiableList(out);
    }
}
