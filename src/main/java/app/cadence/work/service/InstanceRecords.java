package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail.Subject;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstanceRepository;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the instance services share: loading instances, items and projects by id and tenant, the
 * item as a screen shows it, and who is acting. Package-private: the services are the API.
 */
@org.springframework.stereotype.Component
class InstanceRecords {

    static final String INSTANCE = "INSTANCE";
    static final String ITEM = "ITEM";

    private final InstanceRepository instances;
    private final InstanceItemRepository items;
    private final ProjectService projects;
    private final MembershipDirectory members;

    InstanceRecords(InstanceRepository instances, InstanceItemRepository items, ProjectService projects, MembershipDirectory members) {
        this.instances = instances;
        this.items = items;
        this.projects = projects;
        this.members = members;
    }

    /** The active members' names by user id, for "assigned to" and the audit trail. */
    Map<Long, String> names() {
        return members.activeMembers().stream().collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
    }

    /**
     * The names of these people only, those who are active members (nulls ignored): what a change
     * of one item or a few needs, where {@link #names()} reads every member of the organisation
     * (250 rows for one item marked done, under the C11 load).
     */
    Map<Long, String> namesOf(java.util.Collection<@Nullable Long> userIds) {
        Set<Long> wanted = userIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return wanted.isEmpty() ? Map.of() : members.activeMembers(wanted).stream()
                .collect(Collectors.toMap(MemberSummary::userId, MemberSummary::displayName));
    }

    ItemView view(InstanceItem item, Map<Long, String> names, Role role, Long myId) {
        return view(item, names, ItemPermissions.editable(role, myId.equals(item.getAssigneeUserId())));
    }

    /** The item as every member of the tenant sees it, with nothing editable: {@link ItemView#withEditable} adds the reader's rights. */
    ItemView sharedView(InstanceItem item, Map<Long, String> names) {
        return view(item, names, Set.of());
    }

    private static ItemView view(InstanceItem item, Map<Long, String> names, Set<ItemField> editable) {
        return new ItemView(item.getId(), item.getVersion(), item.getKey(), item.getSectionKey(), item.getSectionTitle(),
                item.getSectionRole(), item.getTitle(), item.getDetails(), item.getStepType(), item.getOwnerRole(),
                item.getDurationMinutes(), item.isEvidenceRequired(), item.isCriticalPath(), item.getStatus(),
                item.getAssigneeUserId(), item.getAssigneeUserId() == null ? null : personName(item.getAssigneeUserId(), names),
                item.getDueAt(), item.getStartedAt(), item.getCompletedAt(), item.getCompletedBy(), item.getNotes(),
                item.getEvidenceUrl(), item.getBlockedReason(), item.getUpdatedBy(), item.getUpdatedAt(), editable, item.isOutsideTemplate());
    }

    static ConcurrentChangeException conflict(InstanceItem item) {
        return new ConcurrentChangeException("“" + item.getTitle() + "”", item.getUpdatedBy(), item.getUpdatedAt());
    }

    static Subject instanceSubject(Instance instance) {
        return new Subject(INSTANCE, Objects.requireNonNull(instance.getId()), instance.getProjectId(), "“" + instance.getName() + "”");
    }

    static Subject itemSubject(Instance instance, InstanceItem item) {
        return new Subject(ITEM, Objects.requireNonNull(item.getId()), item.getProjectId(),
                "“" + item.getTitle() + "” in “" + instance.getName() + "”");
    }

    static @Nullable String personName(@Nullable Long userId, Map<Long, String> names) {
        return userId == null ? null : names.getOrDefault(userId, "former member");
    }

    Instance findInstance(Long id) {
        return instances.findInTenant(id, tenantId()).orElseThrow(() -> new RecordNotFoundException("Instance", id));
    }

    InstanceItem findItem(Long id) {
        return items.findInTenant(id, tenantId()).orElseThrow(() -> new RecordNotFoundException("Item", id));
    }

    ProjectRef findProject(Long id) {
        return projects.reference(id);
    }

    /** The project's manager, if it has one. */
    @Nullable Long managerOf(Long projectId) {
        return projects.load(projectId).getPmUserId();
    }

    Map<Long, ProjectRef> projects(Set<Long> ids) {
        return projects.references(ids);
    }

    static TenantSelection selection() {
        return TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first."));
    }

    static Long tenantId() {
        return selection().tenantId();
    }

    static Long currentUserId() {
        return TenantContext.currentUser().map(CadenceUser::userId).orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
