package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.tenancy.domain.Role;
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
import app.cadence.work.service.InstanceUpgrades.UpgradeResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What upgrading one instance and upgrading many share: the merge with the instance's anchors,
 * the target version, what blocks an upgrade, who may upgrade, and the upgrade itself inside the
 * caller's transaction. Package-private: {@link InstanceUpgrades} and {@link TemplateDrift} are the API.
 */
@Component
class Upgrading {

    private final InstanceRecords records;
    private final InstanceItemRepository items;
    private final InstanceUpgradeRepository upgrades;
    private final ProjectRollups rollups;
    private final TemplateLibrary templates;
    private final OrganisationWorkingDays workingDays;
    private final UpgradeSnapshots snapshots;
    private final List<UpgradeBlockers> blockers;
    private final ItemNotices notices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Upgrading(InstanceRecords records, InstanceItemRepository items, InstanceUpgradeRepository upgrades, ProjectRollups rollups,
              TemplateLibrary templates, OrganisationWorkingDays workingDays, UpgradeSnapshots snapshots, List<UpgradeBlockers> blockers,
              ItemNotices notices, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.items = items;
        this.upgrades = upgrades;
        this.rollups = rollups;
        this.templates = templates;
        this.workingDays = workingDays;
        this.snapshots = snapshots;
        this.blockers = blockers;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The versions' plans read for one action: each published version is parsed and planned from T0 once per anchor set. */
    final class Plans {
        private final Map<Long, TemplateContent> contents = new HashMap<>();
        private final Predicate<LocalDate> workingDay = workingDays.current();

        UpgradeMerge merge(Instance instance, List<InstanceItem> current, TemplateContent next) {
            ZoneId zone = ZoneId.of(instance.getTimeZone());
            Anchors anchors = anchors(instance, zone);
            List<PlannedItem> plan = InstancePlan.plan(next, anchors, zone, workingDay);
            return UpgradeMerge.of(current, formerlyDue(instance, anchors, zone), plan, zone);
        }

        /** The due dates the instance's own version planned, to tell a date the team moved; empty if that version cannot be read. */
        private Map<UUID, Instant> formerlyDue(Instance instance, Anchors anchors, ZoneId zone) {
            Map<UUID, Instant> due = new HashMap<>();
            try {
                TemplateContent former = contents.computeIfAbsent(instance.getTemplateVersionId(), templates::publishedContent);
                InstancePlan.plan(former, anchors, zone, workingDay).forEach(p -> {
                    if (p.due() != null) {
                        due.put(p.item().key(), p.due());
                    }
                });
            } catch (RecordNotFoundException | RuleViolationException e) {
                return Map.of();
            }
            return due;
        }
    }

    Plans plans() {
        return new Plans();
    }

    static Anchors anchors(Instance instance, ZoneId zone) {
        LocalDateTime at = instance.getAnchorAt() == null ? null : LocalDateTime.ofInstant(instance.getAnchorAt(), zone);
        return new Anchors(at, instance.getPlanStart(), instance.getPlanEnd(), instance.getGoLive());
    }

    ApplicableVersion target(Instance instance, Long toVersionId) {
        ApplicableVersion target = templates.applicableVersion(instance.getTemplateId(), toVersionId);
        checkNewer(instance, target);
        return target;
    }

    static void checkNewer(Instance instance, ApplicableVersion target) {
        if (target.number() <= instance.getVersionNumber()) {
            throw new RuleViolationException(null, "“" + instance.getName() + "” already follows version " + instance.getVersionNumber()
                    + "; it can only be upgraded to a newer version.");
        }
    }

    Map<Long, String> blockedBy(Collection<Long> instanceIds) {
        Map<Long, String> blocked = new HashMap<>();
        blockers.forEach(b -> b.blocking(instanceIds).forEach(blocked::putIfAbsent));
        return blocked;
    }

    boolean mayUpgrade(Instance instance) {
        Role role = InstanceRecords.selection().role();
        boolean managesProject = role == Role.PM && InstanceRecords.currentUserId().equals(records.managerOf(instance.getProjectId()));
        return ItemPermissions.upgradesInstance(role, managesProject);
    }

    /**
     * The upgrade itself, inside the caller's transaction, once the caller has checked the right
     * to upgrade, the instance's version and what blocks it: the merge applied to the items, the
     * roll-up adjusted, the upgrade recorded with a copy of the items before (for its undo), the
     * audit trail told, the project's manager notified and every affected item announced.
     */
    UpgradeResult upgrade(Instance instance, List<InstanceItem> current, ApplicableVersion target, UpgradeMerge merge) {
        Long tenantId = InstanceRecords.tenantId();
        Long instanceId = Objects.requireNonNull(instance.getId());
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
        ChangedBy who = ChangedBy.current();
        notices.upgraded(instance, fromNumber, target.number(), upgrade.counts(), who.userId(), who.displayName());
        announce(instance, affected(merge, current, applied), assigneesBefore, who, now);
        events.publishEvent(new ProjectChanged(tenantId, instance.getProjectId(), ProjectChanged.Change.INSTANCE_UPGRADED, instanceId, who, now));
        return new UpgradeResult(upgrade.getId(), instanceId, fromNumber, target.number(), upgrade.counts());
    }

    /** Every item the upgrade touched: changed, moved, kept outside the template, added or removed. */
    private static List<InstanceItem> affected(UpgradeMerge merge, List<InstanceItem> current, UpgradeMerge.Applied applied) {
        Set<UUID> keys = new HashSet<>();
        merge.changed().forEach(c -> keys.add(c.key()));
        merge.moved().forEach(m -> keys.add(m.key()));
        merge.removed().forEach(r -> keys.add(r.key()));
        List<InstanceItem> touched = new ArrayList<>(current.stream().filter(i -> keys.contains(i.getKey())).toList());
        touched.addAll(applied.inserted());
        return touched;
    }

    private void announce(Instance instance, List<InstanceItem> touched, Map<Long, Long> assigneesBefore, ChangedBy who, Instant now) {
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
