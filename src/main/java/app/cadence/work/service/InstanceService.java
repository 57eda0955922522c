package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.Subject;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstancePlan;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.domain.InstanceRepository;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.domain.PlannedItem;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.project.events.ChangedBy;
import app.cadence.work.events.ItemChanged;
import app.cadence.project.events.ProjectChanged;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.InstanceViews.Preview;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.tenancy.service.TenantSettings;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Instances of templates on projects and the work on their items. Every load is by id and
 * tenant; every change is checked against the editor's role, versioned, and recorded in the
 * audit trail.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed({"ADMIN", "PMO", "PM", "CONTRIBUTOR", "VIEWER"})
public class InstanceService {

    static final String INSTANCE = "INSTANCE";
    static final String ITEM = "ITEM";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);

    private final InstanceRepository instances;
    private final InstanceItemRepository items;
    private final ProjectRollups rollups;
    private final ProjectService projects;
    private final TemplateLibrary templates;
    private final MembershipDirectory members;
    private final TenantSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstanceService(InstanceRepository instances, InstanceItemRepository items, ProjectRollups rollups, ProjectService projects,
                    TemplateLibrary templates, MembershipDirectory members, TenantSettings settings, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.instances = instances;
        this.items = items;
        this.rollups = rollups;
        this.projects = projects;
        this.templates = templates;
        this.members = members;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- applying templates ---------------------------------------------------------------

    public List<ApplicableTemplate> applicableTemplates() {
        return templates.applicable();
    }

    /** The plan as it would be created: due dates and owner roles, nothing saved. */
    public Preview preview(Long templateId, Long versionId, Anchors anchors) {
        ApplicableVersion version = templates.applicableVersion(templateId, versionId);
        ZoneId zone = settings.zone();
        return new Preview(version.templateName(), version.number(), version.kind(), zone,
                InstancePlan.plan(version.content(), anchors, zone));
    }

    /** A name for a new instance that no other instance of the project has yet. */
    public String suggestName(Long projectId, String templateName) {
        Set<String> taken = instances.findProgress(tenantId(), findProject(projectId).id(), clock.instant()).stream()
                .map(InstanceProgress::name).collect(Collectors.toSet());
        String name = templateName.length() > Instance.NAME_MAX - 5 ? templateName.substring(0, Instance.NAME_MAX - 5) : templateName;
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public Long instantiate(InstantiationRequest request) {
        ProjectRef project = findProject(request.projectId());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("name", "Give the instance a name, e.g. “Go-live runbook — rehearsal 1”.");
        }
        if (name.length() > Instance.NAME_MAX) {
            throw new RuleViolationException("name", "The name can be at most " + Instance.NAME_MAX + " characters.");
        }
        ApplicableVersion version = templates.applicableVersion(request.templateId(), request.versionId());
        ZoneId zone = settings.zone();
        List<PlannedItem> plan = InstancePlan.plan(version.content(), request.anchors(), zone);
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        Instance instance = new Instance(project.id(), version.templateId(), version.versionId(), version.templateName(),
                version.number(), version.kind(), name, zone.getId(), now, by);
        Anchors anchors = request.anchors();
        instance.anchor(anchors.at() == null ? null : InstancePlan.resolve(anchors.at(), zone, "at", "the anchor").toInstant(),
                anchors.start(), anchors.end(), anchors.goLive());
        Long instanceId = instances.save(instance).getId();
        List<InstanceItem> copies = new ArrayList<>(plan.size());
        for (PlannedItem planned : plan) {
            copies.add(new InstanceItem(instanceId, project.id(), version.kind(), copy(planned), now, by));
        }
        items.saveAll(copies);
        rollups.add(tenantId(), project.id(), copies.stream().map(RollupCounts::of).reduce(RollupCounts.NONE, RollupCounts::plus), now);
        audit.created(instanceSubject(instance), "Applied " + version.templateName() + " version " + version.number()
                + " as “" + name + "” with " + plan.size() + " items.");
        events.publishEvent(new ProjectChanged(tenantId(), project.id(), ProjectChanged.Change.INSTANCE_APPLIED, instanceId, ChangedBy.current(), now));
        return instanceId;
    }

    private static InstanceItem.Copy copy(PlannedItem planned) {
        TemplateItem item = planned.item();
        return switch (item) {
            case CutoverStep step -> new InstanceItem.Copy(step.key(), planned.sectionKey(), planned.sectionTitle(), planned.sectionRole(),
                    planned.sectionPosition(), planned.position(), step.title(), details(step.description(),
                    labelled("Rollback trigger", step.rollbackTrigger()), labelled("Rollback instructions", step.rollbackInstructions())),
                    step.type(), step.ownerRole(), step.durationMinutes(),
                    step.predecessors().isEmpty() ? null : step.predecessors().stream().map(Object::toString).collect(Collectors.joining(",")),
                    step.evidenceRequired(), planned.criticalPath(), planned.due());
            case CommunicationEntry entry -> new InstanceItem.Copy(entry.key(), planned.sectionKey(), planned.sectionTitle(), null,
                    planned.sectionPosition(), planned.position(), entry.title(), details(labelled("Audience", entry.audience()),
                    labelled("Purpose", entry.purpose()), labelled("Artefact", entry.artefact()), labelled("Channel", entry.channel()),
                    labelled("Cadence", entry.cadence().label())),
                    null, entry.ownerRole(), null, null, false, false, planned.due());
            case RetroPrompt prompt -> new InstanceItem.Copy(prompt.key(), planned.sectionKey(), planned.sectionTitle(), null,
                    planned.sectionPosition(), planned.position(), prompt.title(), prompt.prompt(),
                    null, null, null, null, false, false, planned.due());
        };
    }

    private static @Nullable String labelled(String label, @Nullable String value) {
        return value == null || value.isBlank() ? null : label + ": " + value;
    }

    private static @Nullable String details(@Nullable String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(Objects::nonNull).filter(p -> !p.isBlank())
                .collect(Collectors.joining("\n\n"));
        return joined.isEmpty() ? null : joined;
    }

    // --- reading ---------------------------------------------------------------------------

    /** A project's instances with progress, overdue and blocked counts. */
    public List<InstanceProgress> instancesOf(Long projectId) {
        return instances.findProgress(tenantId(), projectId, clock.instant());
    }

    public InstanceDetails details(Long instanceId) {
        Instance instance = findInstance(instanceId);
        ProjectRef project = findProject(instance.getProjectId());
        List<MemberSummary> people = members.activeMembers();
        Map<Long, String> names = people.stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        TenantSelection me = selection();
        Long myId = currentUserId();
        List<ItemView> views = items.findByInstance(instanceId, tenantId()).stream()
                .map(item -> view(item, names, me.role(), myId))
                .toList();
        List<MemberSummary> assignable = people.stream().filter(m -> m.role() != Role.VIEWER).toList();
        return new InstanceDetails(instance.getId(), instance.getVersion(), project.id(), project.key(), project.name(),
                instance.getName(), instance.getTemplateId(), instance.getTemplateName(), instance.getVersionNumber(),
                instance.getKind(), instance.getAnchorAt(), instance.getPlanStart(), instance.getPlanEnd(), instance.getGoLive(),
                ZoneId.of(instance.getTimeZone()), views, assignable, ItemPermissions.managesInstances(me.role()), myId);
    }

    /** One item as it is now, e.g. to show the other person's version after a conflict. */
    public ItemView item(Long itemId) {
        InstanceItem item = findItem(itemId);
        Map<Long, String> names = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        return view(item, names, selection().role(), currentUserId());
    }

    /** The current user's outstanding items across the tenant's projects, soonest due first (overdue ones lead). */
    public List<MyWorkRow> myWork(long offset, int limit) {
        int size = Math.max(1, limit);
        return items.findMyWork(tenantId(), currentUserId(), PageRequest.of(Math.toIntExact(offset / size), size));
    }

    public long countMyWork() {
        return items.countMyWork(tenantId(), currentUserId());
    }

    // --- working items ---------------------------------------------------------------------

    /** Saves one user's edit of an item: refused if someone else changed it since they loaded it. */
    @Transactional
    public ItemView update(ItemUpdate update) {
        InstanceItem item = findItem(update.itemId());
        if (item.getVersion() != update.version()) {
            throw conflict(item);
        }
        Instance instance = findInstance(item.getInstanceId());
        Map<Long, String> names = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        TenantSelection me = selection();
        Long myId = currentUserId();
        Set<ItemField> allowed = ItemPermissions.editable(me.role(), myId.equals(item.getAssigneeUserId()));
        Set<ItemField> changing = changedFields(item, update);
        if (!allowed.containsAll(changing)) {
            throw new AccessDeniedException("Not allowed to change " + changing + " of item " + item.getId());
        }
        Long assigneeBefore = item.getAssigneeUserId();
        RollupCounts change = apply(instance, item, update, names);
        items.saveAndFlush(item);
        rollups.add(tenantId(), item.getProjectId(), change, item.getUpdatedAt());
        events.publishEvent(itemChanged(item, changing, assigneeBefore));
        return view(item, names, me.role(), myId);
    }

    /** Sets the status of several items at once; all or nothing. */
    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public int bulkStatus(Long instanceId, Collection<ItemRef> refs, ItemStatus status, @Nullable String reason) {
        Instance instance = findInstance(instanceId);
        List<InstanceItem> selected = loadForBulk(instanceId, refs);
        Map<Long, String> names = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
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
        for (InstanceItem item : selected) {
            ItemUpdate update = new ItemUpdate(item.getId(), item.getVersion(), status, reason, item.getAssigneeUserId(),
                    item.getDueAt(), item.getNotes(), item.getEvidenceUrl());
            changes.add(itemChanged(item, changedFields(item, update), item.getAssigneeUserId()));
            change = change.plus(apply(instance, item, update, names));
        }
        items.saveAllAndFlush(selected);
        rollups.add(tenantId(), instance.getProjectId(), change, clock.instant());
        changes.forEach(events::publishEvent);
        return selected.size();
    }

    /** Assigns several items at once (or unassigns them with null); all or nothing. */
    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public int bulkAssign(Long instanceId, Collection<ItemRef> refs, @Nullable Long assigneeUserId) {
        Instance instance = findInstance(instanceId);
        List<InstanceItem> selected = loadForBulk(instanceId, refs);
        Map<Long, String> names = members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
        List<ItemChanged> changes = new ArrayList<>(selected.size());
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
        rollups.add(tenantId(), instance.getProjectId(), RollupCounts.NONE, clock.instant());
        return selected.size();
    }

    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public void delete(Long instanceId, long version) {
        Instance instance = findInstance(instanceId);
        if (instance.getVersion() != version) {
            throw new ConcurrentChangeException("“" + instance.getName() + "”", instance.getUpdatedBy(), instance.getUpdatedAt());
        }
        audit.deleted(instanceSubject(instance), "Removed “" + instance.getName() + "” (" + instance.getTemplateName()
                + " version " + instance.getVersionNumber() + ") and its items.");
        RollupCounts removed = rollups.countsOfInstance(tenantId(), instanceId);
        items.deleteByInstance(tenantId(), instanceId);
        rollups.add(tenantId(), instance.getProjectId(), removed.negated(), clock.instant());
        instances.delete(instance);
        events.publishEvent(new ProjectChanged(tenantId(), instance.getProjectId(), ProjectChanged.Change.INSTANCE_REMOVED, instanceId,
                ChangedBy.current(), clock.instant()));
    }

    private List<InstanceItem> loadForBulk(Long instanceId, Collection<ItemRef> refs) {
        if (refs.isEmpty()) {
            throw new RuleViolationException(null, "Select at least one item first.");
        }
        Map<Long, Long> versions = refs.stream().collect(Collectors.toMap(ItemRef::id, ItemRef::version, (a, b) -> a));
        List<InstanceItem> found = items.findAllInInstance(versions.keySet(), instanceId, tenantId());
        if (found.size() != versions.size()) {
            throw new RecordNotFoundException("Item", versions.keySet().iterator().next());
        }
        for (InstanceItem item : found) {
            if (item.getVersion() != versions.get(item.getId())) {
                throw conflict(item);
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
            boolean assignable = members.activeMembers().stream()
                    .anyMatch(m -> m.userId().equals(update.assigneeUserId()) && m.role() != Role.VIEWER);
            if (!assignable) {
                throw new RuleViolationException("assignee", "Assign the item to a member of this organisation who can work items (not a viewer).");
            }
        }
        Subject subject = itemSubject(instance, item);
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        ZoneId zone = ZoneId.of(instance.getTimeZone());
        String statusBefore = statusText(item.getStatus(), item.getBlockedReason());
        String assigneeBefore = personName(item.getAssigneeUserId(), names);
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
        audit.changed(subject, ItemField.ASSIGNEE.label(), assigneeBefore, personName(item.getAssigneeUserId(), names));
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

    private ItemView view(InstanceItem item, Map<Long, String> names, Role role, Long myId) {
        Set<ItemField> editable = ItemPermissions.editable(role, myId.equals(item.getAssigneeUserId()));
        return new ItemView(item.getId(), item.getVersion(), item.getKey(), item.getSectionKey(), item.getSectionTitle(),
                item.getSectionRole(), item.getTitle(), item.getDetails(), item.getStepType(), item.getOwnerRole(),
                item.getDurationMinutes(), item.isEvidenceRequired(), item.isCriticalPath(), item.getStatus(),
                item.getAssigneeUserId(), item.getAssigneeUserId() == null ? null : personName(item.getAssigneeUserId(), names),
                item.getDueAt(), item.getStartedAt(), item.getCompletedAt(), item.getCompletedBy(), item.getNotes(),
                item.getEvidenceUrl(), item.getBlockedReason(), item.getUpdatedBy(), item.getUpdatedAt(), editable);
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
        return new ItemChanged(tenantId(), item.getProjectId(), item.getInstanceId(), Objects.requireNonNull(item.getId()), fields,
                assignees, ChangedBy.current(), clock.instant());
    }


    private static ConcurrentChangeException conflict(InstanceItem item) {
        return new ConcurrentChangeException("“" + item.getTitle() + "”", item.getUpdatedBy(), item.getUpdatedAt());
    }

    private static Subject instanceSubject(Instance instance) {
        return new Subject(INSTANCE, Objects.requireNonNull(instance.getId()), instance.getProjectId(), "“" + instance.getName() + "”");
    }

    private static Subject itemSubject(Instance instance, InstanceItem item) {
        return new Subject(ITEM, Objects.requireNonNull(item.getId()), item.getProjectId(),
                "“" + item.getTitle() + "” in “" + instance.getName() + "”");
    }

    private static @Nullable String statusText(ItemStatus status, @Nullable String reason) {
        return status == ItemStatus.BLOCKED && reason != null ? status.label() + ": " + reason : status.label();
    }

    private static @Nullable String personName(@Nullable Long userId, Map<Long, String> names) {
        return userId == null ? null : names.getOrDefault(userId, "former member");
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

    private Instance findInstance(Long id) {
        return instances.findInTenant(id, tenantId()).orElseThrow(() -> new RecordNotFoundException("Instance", id));
    }

    private InstanceItem findItem(Long id) {
        return items.findInTenant(id, tenantId()).orElseThrow(() -> new RecordNotFoundException("Item", id));
    }

    private ProjectRef findProject(Long id) {
        return projects.reference(id);
    }

    private static TenantSelection selection() {
        return TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }

    private static Long tenantId() {
        return selection().tenantId();
    }

    private static Long currentUserId() {
        return TenantContext.currentUser().map(CadenceUser::userId).orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
