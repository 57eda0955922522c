package app.cadence.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What changed between two versions of a template, matched by item key: items added, removed,
 * changed (field by field) and moved (to another section or another place in their section).
 */
public record VersionComparison(List<Entry> entries) {

    public enum Change { ADDED, REMOVED, CHANGED, MOVED }

    /** One field that differs: its label, the old and the new value as shown to users. */
    public record FieldChange(String field, String before, String after) {
    }

    public record Entry(Change change, UUID key, String title, String where, List<FieldChange> fields) {
    }

    public static VersionComparison between(TemplateContent older, TemplateContent newer) {
        Map<UUID, Placed> before = placements(older);
        Map<UUID, Placed> after = placements(newer);
        Map<UUID, String> titlesBefore = titles(older);
        Map<UUID, String> titlesAfter = titles(newer);
        List<Entry> entries = new ArrayList<>();
        for (Placed now : after.values()) {
            Placed was = before.get(now.item().key());
            if (was == null) {
                entries.add(new Entry(Change.ADDED, now.item().key(), now.item().title(), now.section(), List.of()));
                continue;
            }
            // Compared as stored (predecessors by key), shown as read (predecessors by title): a
            // renamed step does not make the steps after it look changed.
            List<FieldChange> fields = new ArrayList<>();
            Map<String, String> rawBefore = was.item().fields();
            Map<String, String> shownBefore = readable(was.item(), titlesBefore);
            Map<String, String> shownAfter = readable(now.item(), titlesAfter);
            now.item().fields().forEach((field, value) -> {
                if (!Objects.equals(rawBefore.getOrDefault(field, ""), value)) {
                    fields.add(new FieldChange(field, shownBefore.getOrDefault(field, ""), shownAfter.getOrDefault(field, "")));
                }
            });
            if (!fields.isEmpty()) {
                entries.add(new Entry(Change.CHANGED, now.item().key(), now.item().title(), now.section(), fields));
            }
            if (!was.sectionKey().equals(now.sectionKey()) || rank(was, before, after) != rank(now, after, before)) {
                String from = was.section() + ", position " + (was.position() + 1);
                String to = now.section() + ", position " + (now.position() + 1);
                entries.add(new Entry(Change.MOVED, now.item().key(), now.item().title(), now.section(),
                        List.of(new FieldChange("Place", from, to))));
            }
        }
        for (Placed was : before.values()) {
            if (!after.containsKey(was.item().key())) {
                entries.add(new Entry(Change.REMOVED, was.item().key(), was.item().title(), was.section(), List.of()));
            }
        }
        return new VersionComparison(List.copyOf(entries));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private record Placed(TemplateItem item, UUID sectionKey, String section, int position) {
    }

    /**
     * The item's place among the items that sit in the same section in both versions, so that an
     * item does not count as moved merely because another was inserted or removed before it.
     */
    private static int rank(Placed item, Map<UUID, Placed> own, Map<UUID, Placed> other) {
        return (int) own.values().stream()
                .filter(p -> p.sectionKey().equals(item.sectionKey()) && p.position() < item.position())
                .filter(p -> other.get(p.item().key()) != null && other.get(p.item().key()).sectionKey().equals(p.sectionKey()))
                .count();
    }

    private static Map<UUID, Placed> placements(TemplateContent content) {
        Map<UUID, Placed> placed = new LinkedHashMap<>();
        for (TemplateSection section : content.sections()) {
            for (int i = 0; i < section.items().size(); i++) {
                TemplateItem item = section.items().get(i);
                placed.put(item.key(), new Placed(item, section.key(), section.title(), i));
            }
        }
        return placed;
    }

    private static Map<UUID, String> titles(TemplateContent content) {
        Map<UUID, String> titles = new LinkedHashMap<>();
        content.items().forEach(i -> titles.put(i.key(), i.title()));
        return titles;
    }

    /** The item's fields with predecessor keys shown as step titles. */
    private static Map<String, String> readable(TemplateItem item, Map<UUID, String> titles) {
        LinkedHashMap<String, String> fields = item.fields();
        if (item instanceof CutoverStep step) {
            fields.put("Predecessors", String.join("; ", step.predecessors().stream().map(k -> titles.getOrDefault(k, "?")).toList()));
        }
        return fields;
    }
}
