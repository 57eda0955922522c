package app.cadence.project.service;

import app.cadence.audit.service.AuditTrail.Subject;
import app.cadence.audit.service.AuditTrail;
import app.cadence.project.domain.Health;
import app.cadence.project.domain.HealthFacts;
import app.cadence.project.domain.HealthRule;
import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectRepository;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's health: computed from its items by {@link HealthRule}, unless someone overrode it with a reason. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectHealthService {

    private final ProjectRepository projects;
    private final ProjectWorkFacts work;
    private final List<ProjectActionFacts> actions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TenantSettings settings;
    private final Clock clock;

    ProjectHealthService(ProjectRepository projects, ProjectWorkFacts work, List<ProjectActionFacts> actions, AuditTrail audit,
                         ApplicationEventPublisher events, TenantSettings settings, Clock clock) {
        this.projects = projects;
        this.work = work;
        this.actions = List.copyOf(actions);
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public HealthView health(Long projectId) {
        Project project = find(projectId);
        Instant now = clock.instant();
        // The go-live date is a calendar date of the organisation, so "today" is too.
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        TenantSettings.HealthThresholds tenant = settings.healthThresholds();
        HealthRule.Assessment computed = HealthRule.assess(facts(projectId, now), project.getStatus(), project.getGoLiveDate(), today,
                new HealthRule.Thresholds(tenant.redOverduePercent(), tenant.goLiveDays()));
        Health override = project.getHealthOverride();
        if (override == null) {
            return new HealthView(computed.health(), computed.reason(), computed.health(), computed.reason(), false, null, null,
                    project.getVersion());
        }
        return new HealthView(override, String.valueOf(project.getHealthOverrideReason()), computed.health(), computed.reason(), true,
                project.getHealthOverrideBy(), project.getHealthOverrideAt(), project.getVersion());
    }

    /** The counts the rule reads: the work module's items (at most two statements) and the action items of other modules (one each). */
    HealthFacts facts(Long projectId, Instant now) {
        HealthFacts facts = work.healthFacts(projectId, now);
        for (ProjectActionFacts source : actions) {
            ProjectActionFacts.ActionCounts counts = source.actionCounts(projectId, now);
            facts = facts.withActions(counts.actions(), counts.due(), counts.overdue());
        }
        return facts;
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void override(Long projectId, long projectVersion, Health health, @Nullable String reason) {
        Project project = findForChange(projectId, projectVersion);
        if (!Health.RAG.contains(health)) {
            throw new RuleViolationException("health", "Choose red, amber or green: “" + health.label()
                    + "” is what Cadence shows when there is nothing to judge a project by, not a judgement to set by hand.");
        }
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
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
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
                ChangedBy.current(), clock.instant()));
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
}
