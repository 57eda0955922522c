package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstancePlan;
import app.cadence.work.domain.InstanceUpgrade;
import app.cadence.work.domain.InstanceUpgradeRepository;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.work.domain.PlannedItem;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.domain.UpgradeMerge;
import app.cadence.work.events.ItemChanged;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upgrading an instance to a newer published version of its template: whether one is available,
 * the preview (what the merge adds, removes, changes and moves, and what the team keeps), the
 * upgrade in one transaction (audited, rolled up, announced item by item) and its undo — from
 * the instance's history, until the next change of an item. ADMIN and PMO upgrade any project's
 * instances, a PM those of a project they manage; a cutover with a run under way waits for the
 * run to end ({@link UpgradeBlockers}).
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceUpgrades {

    /** A newer version the instance can be upgraded to. */
    public record UpgradeOffer(Long instanceId, int fromNumber, Long toVersionId, int toNumber) {
        public String label() {
            return "Version " + toNumber + " available";
        }
    }

    /** What upgrading would do, as the dialog shows it; {@code blockedBy} says why it cannot be done now. */
    public record UpgradePreview(Long instanceId, long instanceVersion, String instanceName, Long projectId, String templateName,
                                 int fromNumber, Long toVersionId, int toNumber, List<UpgradeMerge.Added> added,
                                 List<UpgradeMerge.Removed> removed, List<UpgradeMerge.Changed> changed, List<UpgradeMerge.Moved> moved,
                                 int unchanged, @Nullable String blockedBy, ZoneId zone) {
        public long kept() {
            return removed.stream().filter(UpgradeMerge.Removed::kept).count();
        }

        public boolean changesNothing() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && moved.isEmpty();
        }
    }

    public record UpgradeResult(Long upgradeId, Long instanceId, int fromNumber, int toNumber, String counts) {
    }

    /** One upgrade in an instance's history. */
    public record UpgradeEntry(Long id, int fromNumber, int toNumber, String counts, String by, Instant at,
                               @Nullable String undoneBy, @Nullable Instant undoneAt, boolean undoable) {
    }

    private final InstanceRecords records;
    private final InstanceItemRepository items;
    private final InstanceUpgradeRepository upgrades;
    private final ProjectRollups rollups;
    private final TemplateLibrary templates;
    private final OrganisationWorkingDays workingDays;
    private final UpgradeSnapshots snapshots;
    private final List<UpgradeBlockers> blockers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstanceUpgrades(InstanceRecords records, InstanceItemRepository items, InstanceUpgradeRepository upgrades, ProjectRollups rollups,
                     TemplateLibrary templates, OrganisationWorkingDays workingDays, UpgradeSnapshots snapshots,
                     List<UpgradeBlockers> blockers, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.items = items;
        this.upgrades = upgrades;
        this.rollups = rollups;
        this.templates = templates;
        this.workingDays = workingDays;
        this.snapshots = snapshots;
        this.blockers = blockers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The latest published version when it is newer than the instance's, and the reader may upgrade it. */
    public Optional<UpgradeOffer> available(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        if (!mayUpgrade(instance)) {
            return Optional.empty();
        }
        return templates.applicable().stream().filter(t -> t.id().equals(instance.getTemplateId())).findFirst()
                .map(ApplicableTemplate::latest)
                .filter(latest -> latest.number() > instance.getVersionNumber())
                .map(latest -> new UpgradeOffer(instanceId, instance.getVersionNumber(), latest.id(), latest.number()));
    }

    /** What upgrading the instance to the version would do; nothing is saved. */
    public UpgradePreview preview(Long instanceId, Long toVersionId) {
        Instance instance = records.findInstance(instanceId);
        checkMayUpgrade(instance);
        ApplicableVersion target = target(instance, toVersionId);
        List<InstanceItem> current = items.findByInstance(instanceId, InstanceRecords.tenantId());
        UpgradeMerge merge = merge(instance, current, target.content());
        return preview(instance, target, merge, blockedBy(List.of(instanceId)).get(instanceId));
    }

    UpgradePreview preview(Instance instance, ApplicableVersion target, UpgradeMerge merge, @Nullable String blockedBy) {
        return new UpgradePreview(instance.getId(), instance.getVersion(), instance.getName(), instance.getProjectId(),
                instance.getTemplateName(), instance.getVersionNumber(), target.versionId(), target.number(), merge.added(), merge.removed(),
                merge.changed(), merge.moved(), merge.unchanged(), blockedBy, ZoneId.of(instance.getTimeZone()));
    }

    /**
     * Upgrades the instance to the version, in one transaction: the merge applied to its items,
     * the roll-up adjusted, the upgrade recorded with a copy of the items before (for its undo),
     * the audit trail told and every affected item announced.
     *
     * @param expectedVersion the instance's version the preview was computed at
     */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public UpgradeResult upgrade(Long instanceId, Long toVersionId, long expectedVersion) {
        Instance instance = records.findInstance(instanceId);
        checkMayUpgrade(instance);
        if (instance.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("“" + instance.getName() + "”", instance.getUpdatedBy(), instance.getUpdatedAt());
        }
        String blocked = blockedBy(List.of(instanceId)).get(instanceId);
        if (blocked != null) {
            throw new RuleViolationException(null, blocked);
        }
        return upgradeChecked(instance, target(instance, toVersionId), null);
    }

    /**
     * The upgrade itself, once the caller has checked the right to upgrade, the instance's version
     * and what blocks it. {@code content} is the target's content when the caller already has it.
     */
    UpgradeResult upgradeChecked(Instance instance, ApplicableVersion target, @Nullable UpgradeMerge computed) {
        Long tenantId = InstanceRecords.tenantId();
        Long instanceId = Objects.requireNonNull(instance.getId());
        List<InstanceItem> current = items.findByInstance(instanceId, tenantId);
        UpgradeMerge merge = computed != null ? computed : merge(instance, current, target.content());
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        RollupCounts before = current.stream().map(RollupCounts::of).reduce(RollupCounts.NONE, RollupCounts::plus);
        Map<Long, Long> assigneesBefore = new HashMap<>();
        current.forEach(i -> {
            if (i.getAssigneeUserId() != null) {
                assigneesBefore.put(i.getId(), i.getAssigneeUserId());
            }
        });

        InstanceUpgrade upgrade = upgrades.save(new InstanceUpgrade(instance, target.versionId(), target.number(), merge, now, by));
        snapshots.keep(tenantId, instanceId, Objects.requireNonNull(upgrade.getId()));
        int fromNumber = instance.getVersionNumber();
        UpgradeMerge.Applied applied = merge.apply(current, instanceId, instance.getProjectId(), instance.getKind(), now, by);
        items.deleteAll(applied.deleted());
        items.saveAll(applied.inserted());
        instance.followVersion(target.versionId(), target.number());
        instance.touch(now, by);
        items.flush();
        upgrade.leftItems(snapshots.fingerprint(tenantId, instanceId));

        Set<InstanceItem> after = new LinkedHashSet<>(current);
        applied.deleted().forEach(after::remove);
        after.addAll(applied.inserted());
        RollupCounts counts = after.stream().map(RollupCounts::of).reduce(RollupCounts.NONE, RollupCounts::plus);
        rollups.add(tenantId, instance.getProjectId(), counts.minus(before), now);

        audit.changed(InstanceRecords.instanceSubject(instance), "Template version", "Version " + fromNumber,
                "Version " + target.number() + " (upgraded: " + upgrade.counts() + ")");
        announce(instance, affected(merge, current, applied), assigneesBefore, now);
        return new UpgradeResult(upgrade.getId(), instanceId, fromNumber, target.number(), upgrade.counts());
    }

    /** The instance's upgrades, latest first; the latest can be undone while no item has changed since. */
    public List<UpgradeEntry> history(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        List<InstanceUpgrade> all = upgrades.findByInstance(InstanceRecords.tenantId(), instanceId);
        boolean may = mayUpgrade(instance);
        return all.stream().map(u -> new UpgradeEntry(u.getId(), u.getFromVersionNumber(), u.getToVersionNumber(), u.counts(),
                u.getUpgradedBy(), u.getUpgradedAt(), u.getUndoneBy(), u.getUndoneAt(),
                may && u == all.getFirst() && undoable(instance, u))).toList();
    }

    /**
     * Undoes the instance's latest upgrade: its items exactly as they were before (ids, states,
     * versions), the version it followed, the roll-up; refused once an item has changed since.
     */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void undo(Long upgradeId) {
        Long tenantId = InstanceRecords.tenantId();
        InstanceUpgrade upgrade = upgrades.findInTenant(upgradeId, tenantId).orElseThrow(() -> new RecordNotFoundException("Upgrade", upgradeId));
        Instance instance = records.findInstance(upgrade.getInstanceId());
        checkMayUpgrade(instance);
        List<InstanceUpgrade> all = upgrades.findByInstance(tenantId, instance.getId());
        if (upgrade.isUndone()) {
            throw new RuleViolationException(null, "This upgrade of “" + instance.getName() + "” has already been undone.");
        }
        if (all.getFirst() != upgrade || instance.getTemplateVersionId().longValue() != upgrade.getToVersionId().longValue()) {
            throw new RuleViolationException(null, "Only the latest upgrade of “" + instance.getName() + "” can be undone.");
        }
        if (!snapshots.fingerprint(tenantId, instance.getId()).equals(upgrade.getItemsAfter())) {
            throw new RuleViolationException(null, "Items of “" + instance.getName() + "” have changed since the upgrade to version "
                    + upgrade.getToVersionNumber() + ", so it can no longer be undone. Change the items by hand instead.");
        }
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        Set<Long> touched = new HashSet<>(snapshots.itemIds(tenantId, instance.getId()));
        RollupCounts before = rollups.countsOfInstance(tenantId, instance.getId());
        touched.addAll(snapshots.keptIds(tenantId, upgradeId));
        snapshots.restore(tenantId, instance.getId(), upgradeId);
        RollupCounts after = rollups.countsOfInstance(tenantId, instance.getId());
        rollups.add(tenantId, instance.getProjectId(), after.minus(before), now);
        instance.followVersion(upgrade.getFromVersionId(), upgrade.getFromVersionNumber());
        instance.touch(now, by);
        upgrade.undone(now, by);
        audit.changed(InstanceRecords.instanceSubject(instance), "Template version", "Version " + upgrade.getToVersionNumber(),
                "Version " + upgrade.getFromVersionNumber() + " (upgrade undone: the items are as they were before it)");
        ChangedBy who = ChangedBy.current();
        touched.forEach(id -> events.publishEvent(new ItemChanged(tenantId, instance.getProjectId(), instance.getId(), id, Set.of(), Set.of(), who, now)));
    }

    // --- what the portfolio-wide upgrade shares -------------------------------------------------

    UpgradeMerge merge(Instance instance, List<InstanceItem> current, TemplateContent next) {
        ZoneId zone = ZoneId.of(instance.getTimeZone());
        Anchors anchors = anchors(instance, zone);
        List<PlannedItem> plan = InstancePlan.plan(next, anchors, zone, workingDays.current());
        return UpgradeMerge.of(current, formerlyDue(instance, anchors, zone), plan, zone);
    }

    /** The due dates the instance's own version planned, to tell a date the team moved; empty if that version cannot be read. */
    private Map<java.util.UUID, Instant> formerlyDue(Instance instance, Anchors anchors, ZoneId zone) {
        Map<java.util.UUID, Instant> due = new HashMap<>();
        try {
            TemplateContent former = templates.publishedContent(instance.getTemplateVersionId());
            InstancePlan.plan(former, anchors, zone, workingDays.current()).forEach(p -> {
                if (p.due() != null) {
                    due.put(p.item().key(), p.due());
                }
            });
        } catch (RecordNotFoundException | RuleViolationException e) {
            return Map.of();
        }
        return due;
    }

    static Anchors anchors(Instance instance, ZoneId zone) {
        LocalDateTime at = instance.getAnchorAt() == null ? null : LocalDateTime.ofInstant(instance.getAnchorAt(), zone);
        return new Anchors(at, instance.getPlanStart(), instance.getPlanEnd(), instance.getGoLive());
    }

    ApplicableVersion target(Instance instance, Long toVersionId) {
        ApplicableVersion target = templates.applicableVersion(instance.getTemplateId(), toVersionId);
        if (target.number() <= instance.getVersionNumber()) {
            throw new RuleViolationException(null, "“" + instance.getName() + "” already follows version " + instance.getVersionNumber()
                    + "; it can only be upgraded to a newer version.");
        }
        return target;
    }

    Map<Long, String> blockedBy(Collection<Long> instanceIds) {
        Map<Long, String> blocked = new HashMap<>();
        blockers.forEach(b -> b.blocking(instanceIds).forEach(blocked::putIfAbsent));
        return blocked;
    }

    boolean mayUpgrade(Instance instance) {
        var me = InstanceRecords.selection();
        boolean managesProject = me.role() == app.cadence.tenancy.domain.Role.PM
                && InstanceRecords.currentUserId().equals(records.managerOf(instance.getProjectId()));
        return ItemPermissions.upgradesInstance(me.role(), managesProject);
    }

    private void checkMayUpgrade(Instance instance) {
        if (!mayUpgrade(instance)) {
            throw new AccessDeniedException("Only the project's manager, an administrator or the PMO can upgrade “" + instance.getName() + "”.");
        }
    }

    private boolean undoable(Instance instance, InstanceUpgrade upgrade) {
        return !upgrade.isUndone() && instance.getTemplateVersionId().longValue() == upgrade.getToVersionId().longValue()
                && snapshots.fingerprint(InstanceRecords.tenantId(), instance.getId()).equals(upgrade.getItemsAfter());
    }

    /** Every item the upgrade touched: changed, moved, kept outside the template, added or removed. */
    private static List<InstanceItem> affected(UpgradeMerge merge, List<InstanceItem> current, UpgradeMerge.Applied applied) {
        Set<java.util.UUID> keys = new HashSet<>();
        merge.changed().forEach(c -> keys.add(c.key()));
        merge.moved().forEach(m -> keys.add(m.key()));
        merge.removed().forEach(r -> keys.add(r.key()));
        List<InstanceItem> touched = new java.util.ArrayList<>(current.stream().filter(i -> keys.contains(i.getKey())).toList());
        touched.addAll(applied.inserted());
        return touched;
    }

    private void announce(Instance instance, List<InstanceItem> touched, Map<Long, Long> assigneesBefore, Instant now) {
        ChangedBy who = ChangedBy.current();
        Long tenantId = InstanceRecords.tenantId();
        for (InstanceItem item : touched) {
            Set<Long> assignees = new HashSet<>();
            if (assigneesBefore.containsKey(item.getId())) {
                assignees.add(assigneesBefore.get(item.getId()));
            }
            if (item.getAssigneeUserId() != null) {
                assignees.add(item.getAssigneeUserId());
            }
            events.publishEvent(new ItemChanged(tenantId, instance.getProjectId(), Objects.requireNonNull(instance.getId()),
                    Objects.requireNonNull(item.getId()), Set.<ItemField>of(), assignees, who, now));
        }
    }
}
