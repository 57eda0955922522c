package app.cadence.template.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The content of one template version: ordered sections of ordered items. Immutable. */
public record TemplateContent(TemplateKind kind, List<TemplateSection> sections, @Nullable RetroSettings retro) {

    public static final int MAX_ITEMS = 2_000;
    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 2_000;

    public TemplateContent {
        sections = List.copyOf(sections);
    }

    public Stream<TemplateItem> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    public Map<UUID, TemplateItem> itemsByKey() {
        Map<UUID, TemplateItem> byKey = new LinkedHashMap<>();
        items().forEach(i -> byKey.put(i.key(), i));
        return byKey;
    }

    /**
     * The rules every version must keep, as sentences naming where the problem is; empty when
     * the content is sound.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<UUID> keys = new HashSet<>();
        for (TemplateSection section : sections) {
            if (!keys.add(section.key())) {
                problems.add("Section “" + section.title() + "” repeats the key " + section.key() + ".");
            }
            if (section.title().isBlank()) {
                problems.add("A section has no title.");
            }
            if (section.title().length() > TITLE_MAX) {
                problems.add("Section “" + shorten(section.title()) + "”: the title is longer than " + TITLE_MAX + " characters.");
            }
            for (TemplateItem item : section.items()) {
                if (!keys.add(item.key())) {
                    problems.add("Item “" + item.title() + "” in section “" + section.title() + "” repeats the key " + item.key() + ".");
                }
                if (item.title().isBlank()) {
                    problems.add("An item in section “" + section.title() + "” has no title.");
                }
                item.fields().forEach((field, value) -> {
                    int max = field.equals("Title") ? TITLE_MAX : TEXT_MAX;
                    if (!field.equals("Predecessors") && value.length() > max) {
                        problems.add("Item “" + shorten(item.title()) + "”: " + field.toLowerCase(java.util.Locale.ROOT)
                                + " is longer than " + max + " characters.");
                    }
                });
                if (!kindOf(item).equals(kind)) {
                    problems.add("Item “" + item.title() + "” does not belong in a " + kind.label() + ".");
                }
            }
        }
        if (itemCount() > MAX_ITEMS) {
            problems.add("A template can hold at most " + MAX_ITEMS + " items; this one has " + itemCount() + ".");
        }
        if (kind == TemplateKind.CUTOVER) {
            Map<UUID, TemplateItem> byKey = itemsByKey();
            items().filter(CutoverStep.class::isInstance).map(CutoverStep.class::cast).forEach(step -> step.predecessors().stream()
                    .filter(p -> !(byKey.get(p) instanceof CutoverStep))
                    .forEach(p -> problems.add("Step “" + step.title() + "” names a predecessor that is not a step of this runbook.")));
            predecessorCycle().ifPresent(cycle -> problems.add("Predecessors form a cycle: " + String.join(" → ", cycle) + "."));
        }
        return problems;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The titles along the first predecessor cycle found (first title repeated at the end). */
    public Optional<List<String>> predecessorCycle() {
        Map<UUID, CutoverStep> steps = new HashMap<>();
        items().filter(CutoverStep.class::isInstance).map(CutoverStep.class::cast).forEach(s -> steps.put(s.key(), s));
        Map<UUID, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (CutoverStep start : steps.values().stream().sorted(java.util.Comparator.comparing(CutoverStep::title)).toList()) {
            Deque<UUID> path = new ArrayDeque<>();
            Optional<List<String>> cycle = visit(start.key(), steps, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(UUID key, Map<UUID, CutoverStep> steps, Map<UUID, Integer> state, Deque<UUID> path) {
        Integer seen = state.get(key);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null && seen == 1) {
            List<UUID> onPath = new ArrayList<>(path);
            List<UUID> loop = new ArrayList<>(onPath.subList(onPath.indexOf(key), onPath.size()));
            loop.add(key);
            return Optional.of(loop.stream().map(k -> steps.get(k).title()).toList());
        }
        CutoverStep step = steps.get(key);
        if (step == null) {
            return Optional.empty();
        }
        state.put(key, 1);
        path.addLast(key);
        for (UUID predecessor : step.predecessors()) {
            Optional<List<String>> cycle = visit(predecessor, steps, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.removeLast();
        state.put(key, 2);
        return Optional.empty();
    }

    private static TemplateKind kindOf(TemplateItem item) {
        return switch (item) {
            case CutoverStep s -> TemplateKind.CUTOVER;
            case RetroPrompt r -> TemplateKind.RETROSPECTIVE;
            case CommunicationEntry c -> TemplateKind.COMMUNICATION_PLAN;
        };
    }
}
