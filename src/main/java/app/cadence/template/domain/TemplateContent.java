package app.cadence.template.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The content of one template version: ordered sections of ordered items. Immutable.
 *
 * @param followsWorkingCalendar a cutover runbook whose steps a day or more from T0 move off the
 *                               organisation's days off when it is applied; by default a runbook
 *                               ignores the calendar (cutovers run at weekends on purpose)
 */
@NamedInterface("api")
public record TemplateContent(TemplateKind kind, List<TemplateSection> sections, @Nullable RetroSettings retro,
                              boolean followsWorkingCalendar) {

    /** Content that ignores the working calendar, as every template did before issue C9. */
    public TemplateContent(TemplateKind kind, List<TemplateSection> sections, @Nullable RetroSettings retro) {
        this(kind, sections, retro, false);
    }

    /** The same content, following the working calendar or not (a runbook's setting). */
    public TemplateContent followingWorkingCalendar(boolean follows) {
        return new TemplateContent(kind, sections, retro, follows);
    }

    /**
     * Items per template. The template's pages and the designer draw this many fast (virtualised
     * grids); applying a template copies every item into the project, so the cap also bounds that.
     */
    public static final int MAX_ITEMS = 2_000;
    /** Sections per template: the designer draws one card per section. */
    public static final int MAX_SECTIONS = 200;
    /** Section and item titles: instance_item.section_title and .title are varchar(200). */
    public static final int TITLE_MAX = 200;
    /** Longer texts (description, rollback, prompt, purpose …); an instance keeps them in a clob. */
    public static final int TEXT_MAX = 2_000;
    /** instance_item.owner_role is varchar(60): a longer role would fail when a project applies it. */
    public static final int OWNER_ROLE_MAX = 60;
    /** Audience, artefact and channel: short labels. */
    public static final int LABEL_MAX = 200;
    /**
     * Predecessors per step: instance_item.predecessors (varchar(4000)) holds their keys, 36
     * characters and a comma each, so 100 fit with room to spare.
     */
    public static final int MAX_PREDECESSORS = 100;
    /** A communication's offset from its anchor, in days either way: ten years, as in the designer. */
    public static final int MAX_OFFSET_DAYS = 3_660;
    /** The retrospective format's name, e.g. "Start / Stop / Continue". */
    public static final int RETRO_FORMAT_MAX = 120;

    public TemplateContent {
        sections = List.copyOf(sections);
    }

    public Stream<TemplateItem> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    // --- the designer's edits: each returns new content, this one is left as it was -----------

    /**
     * This content with the item put into the section: in place of the item with the same key
     * wherever it is (moving it if the section differs), otherwise added at the section's end.
     */
    public TemplateContent withItem(UUID sectionKey, TemplateItem item) {
        boolean known = sections.stream().anyMatch(s -> s.key().equals(sectionKey));
        if (!known) {
            throw new IllegalArgumentException("No section " + sectionKey + " in this template.");
        }
        List<TemplateSection> edited = new ArrayList<>();
        for (TemplateSection section : sections) {
            List<TemplateItem> items = new ArrayList<>(section.items());
            int at = indexOf(items, item.key());
            if (section.key().equals(sectionKey)) {
                if (at >= 0) {
                    items.set(at, item);
                } else {
                    items.add(item);
                }
            } else if (at >= 0) {
                items.remove(at);
            }
            edited.add(new TemplateSection(section.key(), section.title(), section.role(), items));
        }
        return new TemplateContent(kind, edited, retro, followsWorkingCalendar);
    }

    /**
     * Why the item may not be put into the section, as a sentence: the predecessor cycle it would
     * close. Empty when it may.
     */
    public Optional<String> cycleIfPut(UUID sectionKey, TemplateItem item) {
        return withItem(sectionKey, item).predecessorCycle()
                .map(cycle -> "These predecessors would form a cycle: " + String.join(" → ", cycle) + ". Remove one of them.");
    }

    /**
     * This content with {@code item} inserted right after the item {@code afterKey}, in that
     * item's section (a change proposal's "add a step after this one").
     */
    public TemplateContent withItemAfter(UUID afterKey, TemplateItem item) {
        List<TemplateSection> edited = new ArrayList<>();
        boolean placed = false;
        for (TemplateSection section : sections) {
            List<TemplateItem> items = new ArrayList<>(section.items());
            int at = indexOf(items, afterKey);
            if (at >= 0) {
                items.add(at + 1, item);
                placed = true;
            }
            edited.add(new TemplateSection(section.key(), section.title(), section.role(), items));
        }
        if (!placed) {
            throw new IllegalArgumentException("No item " + afterKey + " in this template.");
        }
        return new TemplateContent(kind, edited, retro, followsWorkingCalendar);
    }

    /** The key of the section holding the item, if any. */
    public Optional<UUID> sectionOf(UUID itemKey) {
        return sections.stream().filter(s -> indexOf(s.items(), itemKey) >= 0).map(TemplateSection::key).findFirst();
    }

    /** This content without the item; steps that waited for it no longer do. */
    public TemplateContent withoutItem(UUID itemKey) {
        return without(Set.of(itemKey), null);
    }

    /** This content without the section and its items; steps elsewhere that waited for them no longer do. */
    public TemplateContent withoutSection(UUID sectionKey) {
        Set<UUID> gone = new HashSet<>();
        sections.stream().filter(s -> s.key().equals(sectionKey)).forEach(s -> s.items().forEach(i -> gone.add(i.key())));
        return without(gone, sectionKey);
    }

    private TemplateContent without(Set<UUID> itemKeys, @Nullable UUID sectionKey) {
        List<TemplateSection> edited = new ArrayList<>();
        for (TemplateSection section : sections) {
            if (section.key().equals(sectionKey)) {
                continue;
            }
            List<TemplateItem> items = section.items().stream().filter(i -> !itemKeys.contains(i.key()))
                    .map(i -> i instanceof CutoverStep step ? step.withoutPredecessors(itemKeys) : i).toList();
            edited.add(new TemplateSection(section.key(), section.title(), section.role(), items));
        }
        return new TemplateContent(kind, edited, retro, followsWorkingCalendar);
    }

    private static int indexOf(List<TemplateItem> items, UUID key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
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
        if (retro != null) {
            tooLong(retro.format(), RETRO_FORMAT_MAX, "The retrospective format").ifPresent(problems::add);
        }
        int sectionIndex = -1;
        for (TemplateSection section : sections) {
            sectionIndex++;
            if (!keys.add(section.key())) {
                problems.add("Section “" + section.title() + "” repeats the key " + section.key() + ".");
            }
            if (section.title().isBlank()) {
                problems.add("A section has no title.");
            }
            String sectionAt = "Section " + (sectionIndex + 1) + " (“" + shorten(section.title()) + "”)";
            tooLong(section.title(), TITLE_MAX, sectionAt + ": the title").ifPresent(problems::add);
            int itemIndex = 0;
            for (TemplateItem item : section.items()) {
                String itemAt = "Section " + (sectionIndex + 1) + ", item " + (++itemIndex) + " (“" + shorten(item.title()) + "”)";
                if (!keys.add(item.key())) {
                    problems.add("Item “" + item.title() + "” in section “" + section.title() + "” repeats the key " + item.key() + ".");
                }
                if (item.title().isBlank()) {
                    problems.add("An item in section “" + section.title() + "” has no title.");
                }
                item.fields().forEach((field, value) -> {
                    if (!field.equals("Predecessors")) {
                        tooLong(value, maxLength(field), itemAt + ": the " + field.toLowerCase(Locale.ROOT)).ifPresent(problems::add);
                    }
                });
                if (item instanceof CommunicationEntry entry && Math.abs(entry.offsetDays()) > MAX_OFFSET_DAYS) {
                    problems.add(itemAt + ": the offset is " + number(entry.offsetDays()) + " days; it must be between -"
                            + number(MAX_OFFSET_DAYS) + " and " + number(MAX_OFFSET_DAYS) + " days.");
                }
                if (item instanceof CutoverStep step && step.predecessors().size() > MAX_PREDECESSORS) {
                    problems.add(itemAt + ": the step has " + number(step.predecessors().size()) + " predecessors; at most "
                            + number(MAX_PREDECESSORS) + " are allowed. Keep the ones it really waits for.");
                }
                if (item instanceof CutoverStep step && step.recurrence() != null) {
                    recurrenceProblem(step, section).ifPresent(problems::add);
                }
                if (!kindOf(item).equals(kind)) {
                    problems.add("Item “" + item.title() + "” does not belong in a " + kind.label() + ".");
                }
            }
        }
        if (sections.size() > MAX_SECTIONS) {
            problems.add("The template has " + number(sections.size()) + " sections; at most " + number(MAX_SECTIONS)
                    + " are allowed. Merge sections or split the template.");
        }
        if (itemCount() > MAX_ITEMS) {
            problems.add("The template has " + number(itemCount()) + " items; at most " + number(MAX_ITEMS)
                    + " are allowed. Split it into smaller templates.");
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

    /**
     * Only a hypercare check recurs: a run expands it into dated occurrences after go-live, which
     * means nothing for a step of the cutover night. A go/no-go or a milestone happens once.
     */
    private static Optional<String> recurrenceProblem(CutoverStep step, TemplateSection section) {
        StepRecurrence rule = java.util.Objects.requireNonNull(step.recurrence());
        String named = "Step “" + shorten(step.title()) + "”";
        if (section.role() != SectionRole.HYPERCARE) {
            return Optional.of(named + " recurs, but only the checks of a hypercare section can recur. Move it to a hypercare section "
                    + "or make it a one-off step.");
        }
        if (step.type() != StepType.TASK && step.type() != StepType.COMMUNICATION) {
            return Optional.of(named + " is a " + step.type().label().toLowerCase(Locale.ROOT)
                    + " and happens once; only tasks and communications recur.");
        }
        return rule.problem().map(p -> named + " " + p);
    }

    /**
     * Steps planned to start before a predecessor finishes: advisory, unlike {@link #problems()},
     * so content with warnings still saves. See {@link ScheduleCheck} for which steps are compared.
     */
    public List<ScheduleWarning> scheduleWarnings() {
        return ScheduleCheck.of(this);
    }

    /**
     * The most characters a field may hold, by the label {@link TemplateItem#fields()} gives it.
     * The designer's inputs use the same numbers, so that what it accepts also saves and applies.
     */
    public static int maxLength(String fieldLabel) {
        return switch (fieldLabel) {
            case "Title" -> TITLE_MAX;
            case "Owner role" -> OWNER_ROLE_MAX;
            case "Audience", "Artefact", "Channel" -> LABEL_MAX;
            default -> TEXT_MAX;
        };
    }

    /**
     * "{what} has 2,300 characters; at most 2,000 are allowed." when {@code text} is too long.
     * Characters are counted as Java does (UTF-16 units): never fewer than the database counts.
     */
    public static Optional<String> tooLong(@Nullable String text, int max, String what) {
        if (text == null || text.length() <= max) {
            return Optional.empty();
        }
        return Optional.of(what + " has " + number(text.length()) + " characters; at most " + number(max) + " are allowed.");
    }

    private static String number(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The titles along the first predecessor cycle found (first title repeated at the end). */
    public Optional<List<String>> predecessorCycle() {
        Map<UUID, TemplateItem> byKey = itemsByKey();
        return predecessorCycleKeys().map(loop -> loop.stream().map(k -> byKey.get(k).title()).toList());
    }

    /**
     * The keys along the first predecessor cycle found (first key repeated at the end): what a
     * spreadsheet import turns into row numbers.
     */
    public Optional<List<UUID>> predecessorCycleKeys() {
        Map<UUID, CutoverStep> steps = new HashMap<>();
        items().filter(CutoverStep.class::isInstance).map(CutoverStep.class::cast).forEach(s -> steps.put(s.key(), s));
        Map<UUID, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (CutoverStep start : steps.values().stream().sorted(java.util.Comparator.comparing(CutoverStep::title)).toList()) {
            Deque<UUID> path = new ArrayDeque<>();
            Optional<List<UUID>> cycle = visit(start.key(), steps, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<UUID>> visit(UUID key, Map<UUID, CutoverStep> steps, Map<UUID, Integer> state, Deque<UUID> path) {
        Integer seen = state.get(key);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null && seen == 1) {
            List<UUID> onPath = new ArrayList<>(path);
            List<UUID> loop = new ArrayList<>(onPath.subList(onPath.indexOf(key), onPath.size()));
            loop.add(key);
            return Optional.of(List.copyOf(loop));
        }
        CutoverStep step = steps.get(key);
        if (step == null) {
            return Optional.empty();
        }
        state.put(key, 1);
        path.addLast(key);
        for (UUID predecessor : step.predecessors()) {
            Optional<List<UUID>> cycle = visit(predecessor, steps, state, path);
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
