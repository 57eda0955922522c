package app.cadence.work.service;

import app.cadence.template.domain.TemplateKind;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an instance's spreadsheet, PDF and print view, so that the three say the same
 * thing: each column's header, which kinds of template have it, and its value for an item (a
 * moment, a number or text). A kind's columns leave out what its items never have: a
 * retrospective's prompts have no owner role nor due date, a communication plan's entries no step type.
 */
public enum InstanceColumn {
    SECTION("Section", all(), ItemView::sectionTitle),
    ITEM("Item", all(), ItemView::title),
    TYPE("Type", EnumSet.of(TemplateKind.CUTOVER), i -> i.stepType() == null ? null : i.stepType().label()),
    STATUS("Status", all(), i -> i.status().label()),
    OWNER_ROLE("Owner role", EnumSet.of(TemplateKind.CUTOVER, TemplateKind.COMMUNICATION_PLAN), ItemView::ownerRole),
    ASSIGNEE("Assignee", all(), ItemView::assigneeName),
    PLANNED_START("Planned start", EnumSet.of(TemplateKind.CUTOVER), InstanceColumn::plannedStart),
    DUE("Due", EnumSet.of(TemplateKind.CUTOVER, TemplateKind.COMMUNICATION_PLAN), ItemView::dueAt),
    STARTED("Started", all(), ItemView::startedAt),
    COMPLETED_AT("Completed", all(), ItemView::completedAt),
    COMPLETED_BY("Completed by", all(), ItemView::completedBy),
    BLOCKED_REASON("Blocked because", all(), ItemView::blockedReason),
    NOTES("Notes", all(), ItemView::notes),
    EVIDENCE("Evidence link", all(), ItemView::evidenceUrl),
    DETAILS("Details", all(), ItemView::details);

    /** Moments as the PDF and the print view write them, in the instance's zone. */
    public static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final String header;
    private final Set<TemplateKind> kinds;
    private final Function<ItemView, @Nullable Object> value;

    InstanceColumn(String header, Set<TemplateKind> kinds, Function<ItemView, @Nullable Object> value) {
        this.header = header;
        this.kinds = kinds;
        this.value = value;
    }

    public String header() {
        return header;
    }

    /** The columns of an instance of this kind, in order. */
    public static List<InstanceColumn> of(TemplateKind kind) {
        return Arrays.stream(values()).filter(c -> c.kinds.contains(kind)).toList();
    }

    /** The item's value: an {@link Instant}, text, or null when it has none. */
    public @Nullable Object value(ItemView item) {
        return value.apply(item);
    }

    /** The value as text, moments in {@code zone}; empty when there is none. */
    public String text(ItemView item, ZoneId zone) {
        Object v = value(item);
        return switch (v) {
            case null -> "";
            case Instant at -> MOMENT.format(at.atZone(zone));
            default -> v.toString();
        };
    }

    /** Progress as every export says it: "3 of 4 done (75%)", rollback and not-applicable items not counted. */
    public static String progress(InstanceDetails instance) {
        long counted = instance.items().stream().filter(ItemView::counts).count();
        long done = instance.items().stream().filter(i -> i.counts() && i.status() == app.cadence.work.domain.ItemStatus.DONE).count();
        return done + " of " + counted + " done (" + (counted == 0 ? 0 : Math.round(done * 100.0 / counted)) + "%)";
    }

    /** Type, owner role, duration, critical path, evidence required: an item's plan in one line, for the PDF and the print view. */
    public static String planFacts(ItemView item) {
        List<String> parts = new java.util.ArrayList<>();
        if (item.stepType() != null) {
            parts.add(item.stepType().label());
        }
        if (item.ownerRole() != null) {
            parts.add(item.ownerRole());
        }
        if (item.durationMinutes() != null && item.durationMinutes() > 0) {
            parts.add(app.cadence.template.domain.RelativeTime.formatDuration(item.durationMinutes()));
        }
        if (item.criticalPath()) {
            parts.add("critical path");
        }
        if (item.evidenceRequired()) {
            parts.add("evidence required");
        }
        return String.join(" · ", parts);
    }

    /** A step starts its duration before it is due: the due moment is when it is planned to finish. */
    private static @Nullable Instant plannedStart(ItemView item) {
        if (item.dueAt() == null || item.durationMinutes() == null) {
            return null;
        }
        return item.dueAt().minusSeconds(60L * item.durationMinutes());
    }

    private static Set<TemplateKind> all() {
        return EnumSet.allOf(TemplateKind.class);
    }
}
