package app.cadence.work.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.project.events.ProjectChanged;
import app.cadence.project.service.ProjectRef;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.ApplicableVersion;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstancePlan;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.domain.InstanceRepository;
import app.cadence.work.domain.InstanceUpgradeRepository;
import app.cadence.work.domain.PlannedCopy;
import app.cadence.work.domain.PlannedItem;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.RollupCounts;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.Preview;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applying templates to projects: the choice of templates, the preview of the plan, the new
 * instance with a copy of every item (audited, rolled up, announced), and removing an instance.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class InstanceApplication {

    private final InstanceRecords records;
    private final InstanceRepository instances;
    private final InstanceItemRepository items;
    private final ProjectRollups rollups;
    private final TemplateLibrary templates;
    private final TenantSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final OrganisationWorkingDays workingDays;
    private final InstanceUpgradeRepository upgrades;
    private final UpgradeSnapshots snapshots;

    InstanceApplication(InstanceRecords records, InstanceRepository instances, InstanceItemRepository items, ProjectRollups rollups, TemplateLibrary templates, TenantSettings settings, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                        OrganisationWorkingDays workingDays, InstanceUpgradeRepository upgrades, UpgradeSnapshots snapshots) {
        this.workingDays = workingDays;
        this.upgrades = upgrades;
        this.snapshots = snapshots;
        this.records = records;
        this.instances = instances;
        this.items = items;
        this.rollups = rollups;
        this.templates = templates;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<ApplicableTemplate> applicableTemplates() {
        return templates.applicable();
    }

    /** The plan as it would be created: due dates and owner roles, nothing saved. */
    public Preview preview(Long templateId, Long versionId, Anchors anchors) {
        ApplicableVersion version = templates.applicableVersion(templateId, versionId);
        ZoneId zone = settings.zone();
        return new Preview(version.templateName(), version.number(), version.kind(), zone,
                InstancePlan.plan(version.content(), anchors, zone, workingDays.current()));
    }

    /** A name for a new instance that no other instance of the project has yet. */
    public String suggestName(Long projectId, String templateName) {
        Set<String> taken = instances.findProgress(InstanceRecords.tenantId(), records.findProject(projectId).id(), clock.instant()).stream()
                .map(InstanceProgress::name).collect(Collectors.toSet());
        String name = templateName.length() > Instance.NAME_MAX - 5 ? templateName.substring(0, Instance.NAME_MAX - 5) : templateName;
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long instantiate(InstantiationRequest request) {
        ProjectRef project = records.findProject(request.projectId());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new RuleViolationException("name", "Give the instance a name, e.g. “Go-live runbook — rehearsal 1”.");
        }
        if (name.length() > Instance.NAME_MAX) {
            throw new RuleViolationException("name", "The name can be at most " + Instance.NAME_MAX + " characters.");
        }
        ApplicableVersion version = templates.applicableVersion(request.templateId(), request.versionId());
        ZoneId zone = settings.zone();
        List<PlannedItem> plan = InstancePlan.plan(version.content(), request.anchors(), zone, workingDays.current());
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
            copies.add(new InstanceItem(instanceId, project.id(), version.kind(), PlannedCopy.of(planned), now, by));
        }
        items.saveAll(copies);
        rollups.add(InstanceRecords.tenantId(), project.id(), copies.stream().map(RollupCounts::of).reduce(RollupCounts.NONE, RollupCounts::plus), now);
        audit.created(InstanceRecords.instanceSubject(instance), "Applied " + version.templateName() + " version " + version.number()
                + " as “" + name + "” with " + plan.size() + " items.");
        events.publishEvent(new ProjectChanged(InstanceRecords.tenantId(), project.id(), ProjectChanged.Change.INSTANCE_APPLIED, instanceId, ChangedBy.current(), now));
        return instanceId;
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void delete(Long instanceId, long version) {
        Instance instance = records.findInstance(instanceId);
        if (instance.getVersion() != version) {
            throw new ConcurrentChangeException("“" + instance.getName() + "”", instance.getUpdatedBy(), instance.getUpdatedAt());
        }
        audit.deleted(InstanceRecords.instanceSubject(instance), "Removed “" + instance.getName() + "” (" + instance.getTemplateName()
                + " version " + instance.getVersionNumber() + ") and its items.");
        RollupCounts removed = rollups.countsOfInstance(InstanceRecords.tenantId(), instanceId);
        snapshots.forgetInstance(InstanceRecords.tenantId(), instanceId);
        upgrades.deleteByInstance(InstanceRecords.tenantId(), instanceId);
        items.deleteByInstance(InstanceRecords.tenantId(), instanceId);
        rollups.add(InstanceRecords.tenantId(), instance.getProjectId(), removed.negated(), clock.instant());
        instances.delete(instance);
        events.publishEvent(new ProjectChanged(InstanceRecords.tenantId(), instance.getProjectId(), ProjectChanged.Change.INSTANCE_REMOVED, instanceId,
                ChangedBy.current(), clock.instant()));
    }
}
