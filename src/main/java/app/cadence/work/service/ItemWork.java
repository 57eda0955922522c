package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail.Subject;
import app.cadence.audit.service.AuditTrail;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.events.ItemChanged;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working items: one person's edit, bulk status and bulk assignment. Every change is checked against
 * the editor's role and the item's version, recorded in the audit trail, kept in the roll-up and
 * announced as ItemChanged.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ItemWork {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);

    private final InstanceRecords records;
    private final InstanceItemRepository items;
    private final ProjectRollups rollups;
    private final MembershipDirectory members;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ItemNotices notices;
    private final Clock clock;

    ItemWork(InstanceRecords records, InstanceItemRepository items, ProjectRollups rollups, MembershipDirectory members, AuditTrail audit,
             ApplicationEventPublisher events, ItemNotices notices, Clock clock) {
        this.records = records;
        this.notices = notices;
        this.items = items;
        this.rollups = rollups;
        this.members = members;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Saves one user's edit of an item: refused if someone else changed it since they loaded it. */
    @Transactional
    public ItemView update(ItemUpdate update) {
        InstanceItem item = records.findItem(update.itemId());
        if (item.getVersion() != update.version()) {
            throw InstanceRecords.conflict(item);
        }
        Instance instance = records.findInstance(item.getInstanceId());
        Map<Long, String> names = records.namesOf(java.util.Arrays.asList(item.getAssigneeUserId(), update.assigneeUserId()));
        TenantSelection me = InstanceRecords.selection();
        Long myId = InstanceRecords.currentUserId();
        Set<ItemField> allowed = ItemPermissions.editable(me.role(), myId.equals(item.getAssigneeUserId()));
        Set<ItemField> changing = changedFields(item, update);
        if (!allowed.containsAll(changing)) {
            throw new AccessDeniedException("Not allowed to change " + changing + " of item " + item.getId());
        }
        Long assigneeBefore = item.getAssigneeUserId();
        ItemStatus statusBefore = item.getStatus();
        RollupCounts change = apply(instance, item, update, names);
        items.saveAndFlush(item);
        rollups.add(InstanceRecords.tenantId(), item.getProjectId(), change, item.getUpdatedAt());
        events.publishEvent(itemChanged(item, changing, assigneeBefore));
        if (changing.contains(ItemField.ASSIGNEE) && item.getAssigneeUserId() != null) {
            notices.assigned(instance, List.of(item), item.getAssigneeUserId(), myId, TenantContext.currentUserName());
        }
        if (statusBefore != ItemStatus.BLOCKED && item.getStatus() == ItemStatus.BLOCKED) {
            notices.blocked(instance, List.of(item), myId, TenantContext.currentUserName());
        }
        return records.view(item, names, me.role(), myId);
    }

    /**
     * Marks one item done as the person last saw it ({@code version}), keeping everything else:
     * My work's one-click action. Refused like {@link #update(ItemUpdate)} when someone changed the
     * item since, and when it needs evidence that is not there.
     */
    @Transactional
    public ItemView markDone(Long itemId, long version) {
        InstanceItem item = records.findItem(itemId);
        return update(new ItemUpdate(itemId, version, ItemStatus.DONE, null, item.getAssigneeUserId(), item.getDueAt(), item.getNotes(),
                item.getEvidenceUrl()));
    }

    /** Sets the status of several items at once; all or nothing. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public int bulkStatus(Long instanceId, Collection<ItemRef> refs, ItemStatus status, @Nullable String reason) {
        Instance instance = records.findInstance(instanceId);
        List<InstanceItem> selected = loadForBulk(instanceId, refs);
        Map<Long, String> names = records.namesOf(selected.stream().map(InstanceItem::getAssigneeUserId).toList());
        if (status == ItemStatus.DONE) {
            List<String> missing = selected.stream().filter(i -> i.isEvidenceRequired() && blank(i.getEvidenceUrl()))
                    .map(InstanceItem::getTitle).toList();
            if (!missing.isEmpty()) {
                throw new RuleViolationException("status", "Nothing was changed: " + quoteList(missing)
                        + (missing.size() == 1 ? " needs" : " need") + " an evidence link before being marked done.");
            }
        }
        RollupCounts change = RollupCounts.NONE;
        List<ItemChanged> changes = new ArrayList<>(selected.size());
        List<InstanceItem> newlyBlocked = status == ItemStatus.BLOCKED
                ? selected.stream().filter(i -> i.getStatus() != ItemStatus.BLOCKED).toList() : List.of();
        for (InstanceItem item : selected) {
            ItemUpdate update = new ItemUpdate(item.getId(), item.getVersion(), status, reason, item.getAssigneeUserId(),
                    item.getDueAt(), item.getNotes(), item.getEvidenceUrl());
            changes.add(itemChanged(item, changedFields(item, update), item.getAssigneeUserId()));
            change = change.plus(apply(instance, item, update, names));
        }
        items.saveAllAndFlush(selected);
        rollups.add(InstanceRecords.tenantId(), instance.getProjectId(), change, clock.instant());
        changes.forEach(events::publishEvent);
        notices.blocked(instance, newlyBlocked, InstanceRecords.currentUserId(), TenantContext.currentUserName());
        return selected.size();
    }

    /** Assigns several items at once (or unassigns them with null); all or nothing. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public int bulkAssign(Long instanceId, Collection<ItemRef> refs, @Nullable Long assigneeUserId) {
        Instance instance = records.findInstance(instanceId);
        List<InstanceItem> selected = loadForBulk(instanceId, refs);
        List<@Nullable Long> people = new ArrayList<>(selected.stream().map(InstanceItem::getAssigneeUserId).toList());
        people.add(assigneeUserId);
        Map<Long, String> names = records.namesOf(people);
        List<ItemChanged> changes = new ArrayList<>(selected.size());
        List<InstanceItem> newlyAssigned = assigneeUserId == null ? List.of()
                : selected.stream().filter(i -> !assigneeUserId.equals(i.getAssigneeUserId())).toList();
        for (InstanceItem item : selected) {
            ItemUpdate update = new ItemUpdate(item.getId(), item.getVersion(), item.getStatus(), item.getBlockedReason(),
                    assigneeUserId, item.getDueAt(), item.getNotes(), item.getEvidenceUrl());
            Long assigneeBefore = item.getAssigneeUserId();
            apply(instance, item, update, names);
            changes.add(itemChanged(item, EnumSet.of(ItemField.ASSIGNEE), assigneeBefore));
        }
        items.saveAllAndFlush(selected);
        changes.forEach(events::publishEvent);
        // Assignment changes no count, but the project was updated.
        rollups.add(InstanceRecords.tenantId(), instance.getProjectId(), RollupCounts.NONE, clock.instant());
        if (assigneeUserId != null) {
            notices.assigned(instance, newlyAssigned, assigneeUserId, InstanceRecords.currentUserId(), TenantContext.currentUserName());
        }
        return selected.size();
    }

    private List<InstanceItem> loadForBulk(Long instanceId, Collection<ItemRef> refs) {
        if (refs.isEmpty()) {
            throw new RuleViolationException(null, "Select at least one item first.");
        }
        Map<Long, Long> versions = refs.stream().collect(Collectors.toMap(ItemRef::id, ItemRef::version, (a, b) -> a));
        List<InstanceItem> found = items.findAllInInstance(versions.keySet(), instanceId, InstanceRecords.tenantId());
        if (found.size() != versions.size()) {
            throw new RecordNotFoundException("Item", versions.keySet().iterator().next());
        }
        for (InstanceItem item : found) {
            if (item.getVersion() != versions.get(item.getId())) {
                throw InstanceRecords.conflict(item);
            }
        }
        return found;
    }

    private static Set<ItemField> changedFields(InstanceItem item, ItemUpdate update) {
        Set<ItemField> changed = EnumSet.noneOf(ItemField.class);
        if (item.getStatus() != update.status()
                || update.status() == ItemStatus.BLOCKED && !Objects.equals(item.getBlockedReason(), clean(update.blockedReason()))) {
            changed.add(ItemField.STATUS);
        }
        if (!Objects.equals(item.getAssigneeUserId(), update.assigneeUserId())) {
            changed.add(ItemField.ASSIGNEE);
        }
        if (!Objects.equals(item.getDueAt(), update.dueAt())) {
            changed.add(ItemField.DUE);
        }
        if (!Objects.equals(item.getNotes(), clean(update.notes()))) {
            changed.add(ItemField.NOTES);
        }
        if (!Objects.equals(item.getEvidenceUrl(), clean(update.evidenceUrl()))) {
            changed.add(ItemField.EVIDENCE);
        }
        return changed;
    }

    /** Validates and applies an edit, recording each changed field. */
    /** Applies one edit to an item and returns what it changes in the project's roll-up. */
    private RollupCounts apply(Instance instance, InstanceItem item, ItemUpdate update, Map<Long, String> names) {
        String notes = clean(update.notes());
        String evidence = clean(update.evidenceUrl());
        String reason = clean(update.blockedReason());
        if (notes != null && notes.length() > InstanceItem.NOTES_MAX) {
            throw new RuleViolationException("notes", "Notes can be at most " + InstanceItem.NOTES_MAX + " characters.");
        }
        checkEvidence(evidence);
        if (update.status() == ItemStatus.BLOCKED) {
            if (reason == null) {
                throw new RuleViolationException("blockedReason", "Say why “" + item.getTitle() + "” is blocked.");
            }
            if (reason.length() > InstanceItem.BLOCKED_REASON_MAX) {
                throw new RuleViolationException("blockedReason", "The reason can be at most " + InstanceItem.BLOCKED_REASON_MAX + " characters.");
            }
        }
        if (update.status().lacksEvidence(item.getStatus(), item.isEvidenceRequired(), evidence)) {
            throw new RuleViolationException("evidenceUrl", "“" + item.getTitle() + "” needs evidence: add a link to it before marking it done.");
        }
        if (update.assigneeUserId() != null && !update.assigneeUserId().equals(item.getAssigneeUserId())) {
            boolean assignable = members.activeMembers(List.of(update.assigneeUserId())).stream()
                    .anyMatch(m -> m.role() != Role.VIEWER);
            if (!assignable) {
                throw new RuleViolationException("assignee", "Assign the item to a member of this organisation who can work items (not a viewer).");
            }
        }
        Subject subject = InstanceRecords.itemSubject(instance, item);
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        ZoneId zone = ZoneId.of(instance.getTimeZone());
        String statusBefore = statusText(item.getStatus(), item.getBlockedReason());
        String assigneeBefore = InstanceRecords.personName(item.getAssigneeUserId(), names);
        String dueBefore = dueText(item.getDueAt(), zone);
        String notesBefore = item.getNotes();
        String evidenceBefore = item.getEvidenceUrl();
        RollupCounts countsBefore = RollupCounts.of(item);
        if (item.getStatus() != update.status() || update.status() == ItemStatus.BLOCKED) {
            item.changeStatus(update.status(), reason, now, by);
        }
        item.assign(update.assigneeUserId());
        item.reschedule(update.dueAt());
        item.annotate(notes, evidence);
        item.touch(now, by);
        audit.changed(subject, ItemField.STATUS.label(), statusBefore, statusText(item.getStatus(), item.getBlockedReason()));
        audit.changed(subject, ItemField.ASSIGNEE.label(), assigneeBefore, InstanceRecords.personName(item.getAssigneeUserId(), names));
        audit.changed(subject, ItemField.DUE.label(), dueBefore, dueText(item.getDueAt(), zone));
        audit.changed(subject, ItemField.NOTES.label(), notesBefore, item.getNotes());
        audit.changed(subject, ItemField.EVIDENCE.label(), evidenceBefore, item.getEvidenceUrl());
        return RollupCounts.of(item).minus(countsBefore);
    }

    /** Evidence links are shown as links: only web addresses, so no script or file URL gets in. */
    static void checkEvidence(@Nullable String evidence) {
        if (evidence == null) {
            return;
        }
        if (evidence.length() > InstanceItem.EVIDENCE_MAX) {
            throw new RuleViolationException("evidenceUrl", "The evidence link can be at most " + InstanceItem.EVIDENCE_MAX + " characters.");
        }
        try {
            URI uri = new URI(evidence);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new RuleViolationException("evidenceUrl", "Enter a web address starting with https://, e.g. a link to the test report.");
            }
        } catch (URISyntaxException e) {
            throw new RuleViolationException("evidenceUrl", "This is not a valid web address: " + e.getReason() + ".");
        }
    }

    /** What open screens learn of a worked item; the item already carries who changed it and when. */
    private ItemChanged itemChanged(InstanceItem item, Set<ItemField> fields, @Nullable Long assigneeBefore) {
        Set<Long> assignees = new java.util.HashSet<>();
        if (assigneeBefore != null) {
            assignees.add(assigneeBefore);
        }
        if (item.getAssigneeUserId() != null) {
            assignees.add(item.getAssigneeUserId());
        }
        return new ItemChanged(InstanceRecords.tenantId(), item.getProjectId(), item.getInstanceId(), Objects.requireNonNull(item.getId()), fields,
                assignees, ChangedBy.current(), clock.instant());
    }

    private static @Nullable String statusText(ItemStatus status, @Nullable String reason) {
        return status == ItemStatus.BLOCKED && reason != null ? status.label() + ": " + reason : status.label();
    }

    private static @Nullable String dueText(@Nullable Instant due, ZoneId zone) {
        return due == null ? null : DUE.format(due.atZone(zone));
    }

    private static String quoteList(List<String> titles) {
        List<String> shown = titles.stream().limit(5).map(t -> "“" + t + "”").toList();
        return String.join(", ", shown) + (titles.size() > 5 ? " and " + (titles.size() - 5) + " more" : "");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
