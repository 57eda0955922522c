package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstanceUpgrade;
import app.cadence.work.domain.InstanceUpgradeRepository;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.domain.UpgradeMerge;
import app.cadence.work.events.ItemChanged;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
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
    private final UpgradeSnapshots snapshots;
    private final Upgrading upgrading;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstanceUpgrades(InstanceRecords records, InstanceItemRepository items, InstanceUpgradeRepository upgrades, ProjectRollups rollups,
                     TemplateLibrary templates, UpgradeSnapshots snapshots, Upgrading upgrading, AuditTrail audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.items = items;
        this.upgrades = upgrades;
        this.rollups = rollups;
        this.templates = templates;
        this.snapshots = snapshots;
        this.upgrading = upgrading;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The latest published version when it is newer than the instance's, and the reader may upgrade it. */
    public Optional<UpgradeOffer> available(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        if (!upgrading.mayUpgrade(instance)) {
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
        ApplicableVersion target = upgrading.target(instance, toVersionId);
        List<InstanceItem> current = items.findByInstance(instanceId, InstanceRecords.tenantId());
        UpgradeMerge merge = upgrading.plans().merge(instance, current, target.content());
        return preview(instance, target, merge, upgrading.blockedBy(List.of(instanceId)).get(instanceId));
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
        String blocked = upgrading.blockedBy(List.of(instanceId)).get(instanceId);
        if (blocked != null) {
            throw new RuleViolationException(null, blocked);
        }
        ApplicableVersion target = upgrading.target(instance, toVersionId);
        List<InstanceItem> current = items.findByInstance(instanceId, InstanceRecords.tenantId());
        return upgrading.upgrade(instance, current, target, upgrading.plans().merge(instance, current, target.content()));
    }

    /** The instance's upgrades, latest first; the latest can be undone while no item has changed since. */
    public List<UpgradeEntry> history(Long instanceId) {
        Instance instance = records.findInstance(instanceId);
        List<InstanceUpgrade> all = upgrades.findByInstance(InstanceRecords.tenantId(), instanceId);
        boolean may = upgrading.mayUpgrade(instance);
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
        events.publishEvent(new ProjectChanged(tenantId, instance.getProjectId(), ProjectChanged.Change.INSTANCE_UPGRADED, instance.getId(), who, now));
    }

    private boolean undoable(Instance instance, InstanceUpgrade upgrade) {
        return !upgrade.isUndone() && instance.getTemplateVersionId().longValue() == upgrade.getToVersionId().longValue()
                && snapshots.fingerprint(InstanceRecords.tenantId(), instance.getId()).equals(upgrade.getItemsAfter());
    }

    private void checkMayUpgrade(Instance instance) {
        if (!upgrading.mayUpgrade(instance)) {
            throw new AccessDeniedException("Only the project's manager, an administrator or the PMO can upgrade “" + instance.getName() + "”.");
        }
    }

}
