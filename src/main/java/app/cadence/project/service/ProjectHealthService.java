package app.cadence.project.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.Subject;
import app.cadence.project.events.ProjectChanged;
import app.cadence.project.domain.Health;
import app.cadence.project.domain.HealthFacts;
import app.cadence.project.domain.HealthRule;
import app.cadence.project.domain.InstanceItemRepository;
import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectRepository;
import app.cadence.project.service.InstanceViews.HealthView;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/** A project's health: computed from its items by {@link HealthRule}, unless someone overrode it with a reason. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({"ADMIN", "PMO", "PM", "CONTRIBUTOR", "VIEWER"})
public class ProjectHealthService {

    private final ProjectRepository projects;
    private final InstanceItemRepository items;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectHealthService(ProjectRepository projects, InstanceItemRepository items, AuditTrail audit, ApplicationEventPublisher events,
                         Clock clock) {
        this.projects = projects;
        this.items = items;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public HealthView health(Long projectId) {
        Project project = find(projectId);
        HealthRule.Assessment computed = HealthRule.assess(facts(projectId, clock.instant()));
        Health override = project.getHealthOverride();
        if (override == null) {
            return new HealthView(computed.health(), computed.reason(), computed.health(), computed.reason(), false, null, null,
                    project.getVersion());
        }
        return new HealthView(override, String.valueOf(project.getHealthOverrideReason()), computed.health(), computed.reason(), true,
                project.getHealthOverrideBy(), project.getHealthOverrideAt(), project.getVersion());
    }

    /** The counts the rule reads: at most two statements. */
    HealthFacts facts(Long projectId, Instant now) {
        Long tenantId = TenantContext.requireTenantId();
        Object[] row = items.healthCounts(tenantId, projectId, now).getFirst();
        long blockedCritical = number(row[4]);
        String first = blockedCritical == 0 ? null
                : items.blockedOnCriticalPath(tenantId, projectId, PageRequest.of(0, 1)).stream().findFirst().orElse(null);
        return new HealthFacts(number(row[0]), number(row[1]), number(row[2]), number(row[3]), blockedCritical, first);
    }

    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public void override(Long projectId, long projectVersion, Health health, @Nullable String reason) {
        Project project = findForChange(projectId, projectVersion);
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("reason", "Say why the health is set by hand, e.g. “Sponsor escalation on budget”.");
        }
        if (clean.length() > Project.HEALTH_REASON_MAX) {
            throw new RuleViolationException("reason", "The reason can be at most " + Project.HEALTH_REASON_MAX + " characters.");
        }
        String before = describe(project);
        project.overrideHealth(health, clean, clock.instant(), TenantContext.currentUserName());
        project.touch(clock.instant(), TenantContext.currentUserName());
        audit.changed(subject(project), "Health override", before, describe(project));
        publishHealth(project);
    }

    @Transactional
    @RolesAllowed({"ADMIN", "PMO", "PM"})
    public void clearOverride(Long projectId, long projectVersion) {
        Project project = findForChange(projectId, projectVersion);
        String before = describe(project);
        project.clearHealthOverride();
        project.touch(clock.instant(), TenantContext.currentUserName());
        audit.changed(subject(project), "Health override", before, null);
        publishHealth(project);
    }

    private void publishHealth(Project project) {
        events.publishEvent(new ProjectChanged(TenantContext.requireTenantId(), project.getId(), ProjectChanged.Change.HEALTH, null,
                InstanceService.changedBy(), clock.instant()));
    }

    private static @Nullable String describe(Project project) {
        return project.getHealthOverride() == null ? null
                : project.getHealthOverride().label() + ": " + project.getHealthOverrideReason();
    }

    private static Subject subject(Project project) {
        return new Subject(ProjectService.SUBJECT, project.getId(), project.getId(), null);
    }

    private Project findForChange(Long projectId, long version) {
        Project project = find(projectId);
        if (project.getVersion() != version) {
            throw new ConcurrentChangeException("Project " + project.getKey(), project.getUpdatedBy(), project.getUpdatedAt());
        }
        return project;
    }

    private Project find(Long id) {
        return projects.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Project", id));
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
