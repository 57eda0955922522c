package app.cadence.work.domain;

import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An instance merged with a newer version of its template, item by item key. The rules
 * (docs/user-guide.md, "Upgrading an instance"):
 * <ul>
 *   <li><b>Added</b>: an item the new version has and the instance does not, copied with its due
 *       date planned from the instance's own anchors.</li>
 *   <li><b>Removed</b>: an item the new version no longer has. It goes when nobody touched it; it
 *       stays, marked "no longer in the template", when it is done, in progress or blocked, or
 *       has notes or an evidence link — progress is never lost.</li>
 *   <li><b>Changed</b>: the template's fields (title, details, type, owner role, duration,
 *       predecessors as a set, evidence required, planned due) compared one by one. The team's
 *       fields are never overwritten: an item that is assigned keeps its assignee when the owner
 *       role changes, a due date the team moved stays when the plan moves, notes stay when the
 *       details change — and the preview says so.</li>
 *   <li><b>Moved</b>: into another section, or out of order within its section (the fewest items
 *       that explain the new order).</li>
 * </ul>
 * The team's status, dates done, notes and evidence stay on every item that remains.
 */
public final class UpgradeMerge {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** An item the new version adds, as it will be copied. */
    public record Added(UUID key, String title, String sectionTitle, @Nullable Instant due) {
    }

    /** An item the new version no longer has: kept (with why) or removed. */
    public record Removed(UUID key, String title, boolean kept, @Nullable String whyKept) {
    }

    /** One template field of an item, before and after, as people read it. */
    public record FieldChange(String field, String before, String after) {
    }

    /** A value the team set that the upgrade leaves as it is, and why it mattered. */
    public record KeptValue(ItemField field, String note) {
    }

    public record Changed(UUID key, String title, List<FieldChange> fields, List<KeptValue> kept) {
        public Changed {
            fields = List.copyOf(fields);
            kept = List.copyOf(kept);
        }
    }

    public record Moved(UUID key, String title, String fromSection, String toSection, boolean sectionChanged) {
    }

    /** What an upgrade does to the stored items: rows to insert and rows to delete (the rest is changed in place). */
    public record Applied(List<InstanceItem> inserted, List<InstanceItem> deleted) {
    }

    private final List<Added> added = new ArrayList<>();
    private final List<Removed> removed = new ArrayList<>();
    private final List<Changed> changed = new ArrayList<>();
    private final List<Moved> moved = new ArrayList<>();
    private final List<InstanceItem.Copy> copies = new ArrayList<>();
    private final Map<UUID, Boolean> keepDue = new HashMap<>();
    private final Map<UUID, int[]> keptPlaces = new HashMap<>();
    private final Set<UUID> dropped = new HashSet<>();
    private int unchanged;

    private UpgradeMerge() {
    }

    /**
     * Merges the instance's items with the new version's plan.
     *
     * @param current       the instance's items, in their order
     * @param formerlyDue   the due dates the instance's version planned for its items (by key), to
     *                      tell a date the team moved from the plan's; empty when not known
     * @param next          the new version planned from the instance's anchors
     * @param zone          the tenant's zone, for the due dates the preview shows
     */
    public static UpgradeMerge of(List<InstanceItem> current, Map<UUID, Instant> formerlyDue, List<PlannedItem> next, ZoneId zone) {
        UpgradeMerge merge = new UpgradeMerge();
        merge.merge(current, formerlyDue, next, zone);
        return merge;
    }

    private void merge(List<InstanceItem> current, Map<UUID, Instant> formerlyDue, List<PlannedItem> next, ZoneId zone) {
        Map<UUID, InstanceItem> byKey = new LinkedHashMap<>();
        current.forEach(item -> byKey.put(item.getKey(), item));
        Map<UUID, String> titles = new HashMap<>();
        next.forEach(p -> titles.put(p.item().key(), p.item().title()));
        current.forEach(item -> titles.putIfAbsent(item.getKey(), item.getTitle()));
        for (PlannedItem planned : next) {
            InstanceItem.Copy copy = PlannedCopy.of(planned);
            copies.add(copy);
            InstanceItem item = byKey.get(copy.key());
            if (item == null) {
                added.add(new Added(copy.key(), copy.title(), copy.sectionTitle(), copy.dueAt()));
            } else {
                compare(item, copy, formerlyDue.get(copy.key()), titles, zone);
            }
        }
        findMoves(current, byKey);
        placeRemoved(current, next);
    }

    private void compare(InstanceItem item, InstanceItem.Copy copy, @Nullable Instant formerDue, Map<UUID, String> titles, ZoneId zone) {
        List<FieldChange> fields = new ArrayList<>();
        List<KeptValue> kept = new ArrayList<>();
        field(fields, "Title", item.getTitle(), copy.title());
        boolean detailsChanged = field(fields, "Details", text(item.getDetails()), text(copy.details()));
        field(fields, "Type", item.getStepType() == null ? "" : item.getStepType().label(), copy.stepType() == null ? "" : copy.stepType().label());
        boolean roleChanged = field(fields, "Owner role", text(item.getOwnerRole()), text(copy.ownerRole()));
        field(fields, "Duration", duration(item.getDurationMinutes()), duration(copy.durationMinutes()));
        if (!keys(item.getPredecessors()).equals(keys(copy.predecessors()))) {
            fields.add(new FieldChange("Predecessors", names(item.getPredecessors(), titles), names(copy.predecessors(), titles)));
        }
        field(fields, "Evidence required", item.isEvidenceRequired() ? "Yes" : "No", copy.evidenceRequired() ? "Yes" : "No");
        Instant planned = formerDue != null ? formerDue : item.getDueAt();
        boolean movedByTeam = formerDue != null && !Objects.equals(formerDue, item.getDueAt());
        boolean dueChanged = field(fields, "Planned due", due(planned, zone), due(copy.dueAt(), zone));
        if (dueChanged && movedByTeam) {
            kept.add(new KeptValue(ItemField.DUE, "The team's due date " + due(item.getDueAt(), zone) + " stays."));
        }
        keepDue.put(item.getKey(), movedByTeam);
        if (roleChanged && item.getAssigneeUserId() != null) {
            kept.add(new KeptValue(ItemField.ASSIGNEE, "The item stays with the person it is assigned to."));
        }
        if (detailsChanged && item.getNotes() != null && !item.getNotes().isBlank()) {
            kept.add(new KeptValue(ItemField.NOTES, "The team's notes stay."));
        }
        if (fields.isEmpty()) {
            unchanged++;
        } else {
            changed.add(new Changed(item.getKey(), copy.title(), fields, kept));
        }
    }

    /**
     * Items moved to another section, and within a section the fewest items whose moving explains
     * the new order: those off the longest run of items still in their old order.
     */
    private void findMoves(List<InstanceItem> current, Map<UUID, InstanceItem> byKey) {
        Map<UUID, Integer> oldOrder = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            oldOrder.put(current.get(i).getKey(), i);
        }
        Map<UUID, List<InstanceItem.Copy>> stayedBySection = new LinkedHashMap<>();
        for (InstanceItem.Copy copy : copies) {
            InstanceItem item = byKey.get(copy.key());
            if (item == null) {
                continue;
            }
            if (!item.getSectionKey().equals(copy.sectionKey())) {
                moved.add(new Moved(item.getKey(), copy.title(), item.getSectionTitle(), copy.sectionTitle(), true));
            } else {
                stayedBySection.computeIfAbsent(copy.sectionKey(), k -> new ArrayList<>()).add(copy);
            }
        }
        for (List<InstanceItem.Copy> section : stayedBySection.values()) {
            int[] order = section.stream().mapToInt(c -> oldOrder.get(c.key())).toArray();
            Set<Integer> inOrder = longestIncreasing(order);
            for (int i = 0; i < section.size(); i++) {
                if (!inOrder.contains(i)) {
                    InstanceItem item = byKey.get(section.get(i).key());
                    moved.add(new Moved(item.getKey(), section.get(i).title(), item.getSectionTitle(),
                            section.get(i).sectionTitle(), false));
                }
            }
        }
    }

    /** Indexes of one longest strictly increasing subsequence (patience sorting, n log n). */
    static Set<Integer> longestIncreasing(int[] values) {
        int n = values.length;
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tails[mid]] < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        Set<Integer> result = new HashSet<>();
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
            result.add(i);
        }
        return result;
    }

    /**
     * Items the new version no longer has. Kept ones stay in their section when the new version
     * still has it (after its items, in their old order); otherwise in their old section, after
     * the new version's sections.
     */
    private void placeRemoved(List<InstanceItem> current, List<PlannedItem> next) {
        Set<UUID> nextKeys = next.stream().map(p -> p.item().key()).collect(Collectors.toSet());
        Map<UUID, Integer> sectionPositions = new LinkedHashMap<>();
        Map<UUID, Integer> sectionSizes = new HashMap<>();
        for (PlannedItem p : next) {
            sectionPositions.putIfAbsent(p.sectionKey(), p.sectionPosition());
            sectionSizes.merge(p.sectionKey(), 1, Integer::sum);
        }
        Map<UUID, Integer> orphanSections = new LinkedHashMap<>();
        for (InstanceItem item : current) {
            if (nextKeys.contains(item.getKey())) {
                continue;
            }
            String whyKept = whyKept(item);
            if (whyKept == null) {
                dropped.add(item.getKey());
            }
            if (!item.isOutsideTemplate() || whyKept == null) { // kept before and still kept: nothing new to say
                removed.add(new Removed(item.getKey(), item.getTitle(), whyKept != null, whyKept));
            }
            if (whyKept == null) {
                continue;
            }
            Integer section = sectionPositions.get(item.getSectionKey());
            if (section == null) {
                section = orphanSections.computeIfAbsent(item.getSectionKey(), k -> sectionPositions.size() + orphanSections.size());
            }
            int position = sectionSizes.merge(item.getSectionKey(), 1, Integer::sum) - 1;
            keptPlaces.put(item.getKey(), new int[] {section, position});
        }
    }

    /** Why a removed item stays — its progress, as a phrase — or null when nobody touched it. */
    static @Nullable String whyKept(InstanceItem item) {
        List<String> reasons = new ArrayList<>();
        switch (item.getStatus()) {
            case DONE -> reasons.add("done");
            case IN_PROGRESS -> reasons.add("in progress");
            case BLOCKED -> reasons.add("blocked");
            default -> { }
        }
        if (item.getNotes() != null && !item.getNotes().isBlank()) {
            reasons.add("has notes");
        }
        if (item.getEvidenceUrl() != null && !item.getEvidenceUrl().isBlank()) {
            reasons.add("has evidence");
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }

    /**
     * Applies the merge to the instance's items (the same list it was computed from): changes the
     * remaining items in place, and says which rows to insert and which to delete.
     */
    public Applied apply(List<InstanceItem> current, Long instanceId, Long projectId, TemplateKind kind, Instant now, String by) {
        Map<UUID, InstanceItem> byKey = new HashMap<>();
        current.forEach(item -> byKey.put(item.getKey(), item));
        List<InstanceItem> inserted = new ArrayList<>();
        for (InstanceItem.Copy copy : copies) {
            InstanceItem item = byKey.remove(copy.key());
            if (item == null) {
                inserted.add(new InstanceItem(instanceId, projectId, kind, copy, now, by));
            } else {
                item.followTemplate(copy, Boolean.TRUE.equals(keepDue.get(copy.key())));
                item.touch(now, by);
            }
        }
        List<InstanceItem> deleted = new ArrayList<>();
        for (InstanceItem item : byKey.values()) {
            int[] place = keptPlaces.get(item.getKey());
            if (place == null) {
                deleted.add(item);
            } else {
                item.leaveTemplate(place[0], place[1]);
                item.touch(now, by);
            }
        }
        return new Applied(inserted, deleted);
    }

    public List<Added> added() {
        return List.copyOf(added);
    }

    public List<Removed> removed() {
        return List.copyOf(removed);
    }

    public List<Changed> changed() {
        return List.copyOf(changed);
    }

    public List<Moved> moved() {
        return List.copyOf(moved);
    }

    /** Items that stay exactly as they are, apart from their place. */
    public int unchanged() {
        return unchanged;
    }

    public long keptCount() {
        return removed.stream().filter(Removed::kept).count();
    }

    /** Team values the upgrade leaves in place where the template changed. */
    public long keptValueCount() {
        return changed.stream().mapToLong(c -> c.kept().size()).sum();
    }

    public boolean changesNothing() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && moved.isEmpty();
    }

    private static boolean field(List<FieldChange> fields, String label, String before, String after) {
        if (before.equals(after)) {
            return false;
        }
        fields.add(new FieldChange(label, before, after));
        return true;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String duration(@Nullable Integer minutes) {
        return minutes == null ? "" : RelativeTime.formatDuration(minutes);
    }

    private static String due(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : DUE.format(at.atZone(zone));
    }

    private static Set<String> keys(@Nullable String predecessors) {
        return predecessors == null || predecessors.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(predecessors.split(",")));
    }

    private static String names(@Nullable String predecessors, Map<UUID, String> titles) {
        Collection<String> keys = predecessors == null || predecessors.isBlank() ? List.of() : Arrays.asList(predecessors.split(","));
        return keys.stream().map(k -> titles.getOrDefault(UUID.fromString(k), "(removed step)")).sorted().collect(Collectors.joining(", "));
    }
}
