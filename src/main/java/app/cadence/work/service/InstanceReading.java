package app.cadence.work.service;

import app.cadence.project.service.ProjectRef;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.domain.InstanceRepository;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.work.domain.MyWorkItem;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.service.InstanceViews.InstanceDetails;
import app.cadence.work.service.InstanceViews.ItemView;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading instances and items: a project's instances, one instance with its items, one item, My work. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceReading {

    private final InstanceRecords records;
    private final InstanceRepository instances;
    private final InstanceItemRepository items;
    private final ChangedItemReads changedItemReads;
    private final TransactionTemplate oneRead;
    private final Clock clock;

    InstanceReading(InstanceRecords records, InstanceRepository instances, InstanceItemRepository items,
                    ChangedItemReads changedItemReads, PlatformTransactionManager transactions, Clock clock) {
        this.records = records;
        this.oneRead = new TransactionTemplate(transactions);
        this.oneRead.setReadOnly(true);
        this.changedItemReads = changedItemReads;
        this.instances = instances;
        this.items = items;
        this.clock = clock;
    }

    /** A project's instances with progress, overdue and blocked counts. */
    public List<InstanceProgress> instancesOf(Long projectId) {
        return instances.findProgress(InstanceRecords.tenantId(), projectId, clock.instant());
    }

    public InstanceDetails details(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        ProjectRef project = records.findProject(instance.getProjectId());
        TenantSelection me = InstanceRecords.selection();
        Long myId = InstanceRecords.currentUserId();
        List<InstanceItem> found = items.findByInstance(instanceId, InstanceRecords.tenantId());
        // The names of the people this checklist's items are assigned to, not of the whole
        // organisation: the assignee pickers fetch members as the person types.
        Map<Long, String> names = records.namesOf(found.stream().map(InstanceItem::getAssigneeUserId).toList());
        List<ItemView> views = found.stream().map(item -> records.view(item, names, me.role(), myId)).toList();
        return new InstanceDetails(instance.getId(), instance.getVersion(), project.id(), project.key(), project.name(),
                instance.getName(), instance.getTemplateId(), instance.getTemplateName(), instance.getVersionNumber(),
                instance.getKind(), instance.getAnchorAt(), instance.getPlanStart(), instance.getPlanEnd(), instance.getGoLive(),
                ZoneId.of(instance.getTimeZone()), views, ItemPermissions.managesInstances(me.role()), myId);
    }

    /** One item as it is now, e.g. to show the other person's version after a conflict. */
    public ItemView item(Long itemId) {
        InstanceItem item = records.findItem(itemId);
        Map<Long, String> names = records.namesOf(java.util.Collections.singletonList(item.getAssigneeUserId()));
        return records.view(item, names, InstanceRecords.selection().role(), InstanceRecords.currentUserId());
    }

    /**
     * The items of an instance that others just changed, as they are now, for an open instance
     * page to follow the change without reading the whole instance: {@code changes} names each
     * item with the time of the change the page heard of. One read per item and change is shared
     * for a moment by the pages of the tenant that follow it ({@link ChangedItemReads}); what the
     * reader may change is the reader's own. Items not (or no longer) in this instance are left out.
     *
     * <p>Outside a transaction: a page that shares another page's read needs no connection, and
     * with fifty pages following one change that is forty-nine connections the people clicking keep.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ItemView> changedItems(Long instanceId, Map<Long, Instant> changes) {
        Long tenantId = InstanceRecords.tenantId();
        Role role = InstanceRecords.selection().role();
        Long myId = InstanceRecords.currentUserId();
        Map<Long, ChangedItemReads.SharedItem> read = changedItemReads.read(tenantId, changes, ids -> oneRead.execute(tx -> {
            List<InstanceItem> found = items.findAllInTenant(ids, tenantId);
            Map<Long, String> names = records.namesOf(found.stream().map(InstanceItem::getAssigneeUserId).toList());
            return found.stream().collect(Collectors.toMap(InstanceItem::getId,
                    i -> new ChangedItemReads.SharedItem(i.getInstanceId(), i.getAssigneeUserId(), records.sharedView(i, names))));
        }));
        return changes.keySet().stream().map(read::get).filter(Objects::nonNull).filter(shared -> shared.instanceId().equals(instanceId))
                .map(shared -> shared.view().withEditable(ItemPermissions.editable(role, myId.equals(shared.assigneeUserId()))))
                .toList();
    }

    /** The current user's outstanding items across the tenant's projects, soonest due first (overdue ones lead). */
    public List<MyWorkRow> myWork(long offset, int limit) {
        int size = Math.max(1, limit);
        List<MyWorkItem> page = items.findMyWork(InstanceRecords.tenantId(), InstanceRecords.currentUserId(),
                PageRequest.of(Math.toIntExact(offset / size), size));
        Map<Long, ProjectRef> projects = records.projects(page.stream().map(MyWorkItem::projectId).collect(Collectors.toSet()));
        return page.stream().filter(item -> projects.containsKey(item.projectId()))
                .map(item -> item.in(projects.get(item.projectId()).key(), projects.get(item.projectId()).name())).toList();
    }

    public long countMyWork() {
        return items.countMyWork(InstanceRecords.tenantId(), InstanceRecords.currentUserId());
    }
}
