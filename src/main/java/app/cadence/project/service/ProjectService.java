package app.cadence.project.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.project.domain.Program;
import app.cadence.project.domain.ProgramRepository;
import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectRepository;
import app.cadence.project.domain.ProjectRow;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.project.events.ProjectChanged;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects of the current tenant. Every load is by id and tenant; a project of another tenant
 * is reported exactly like one that does not exist.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectService {

    static final String SUBJECT = "PROJECT";

    private final ProjectRepository projects;
    private final ProgramRepository programs;
    private final ProjectWorkFacts work;
    private final MembershipDirectory members;
    private final AuditTrail audit;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ProgramRepository programs, ProjectWorkFacts work,
                   MembershipDirectory members, AuditTrail audit, Validator validator,
                   ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.programs = programs;
        this.work = work;
        this.members = members;
        this.audit = audit;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    public List<ProjectRow> list(String search, Sort sort, long offset, int limit) {
        return projects.findRows(TenantContext.requireTenantId(), search, sort, offset, limit);
    }

    public long count(String search) {
        return projects.countRows(TenantContext.requireTenantId(), search);
    }

    /** A project of the current tenant for another module (the work done on it); another tenant's is not found. */
    public ProjectRef reference(Long id) {
        Project project = find(id);
        return new ProjectRef(project.getId(), project.getKey(), project.getName());
    }

    /** Several projects of the current tenant by id, for another module's list; ids of another tenant are left out. */
    public Map<Long, ProjectRef> references(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ProjectRef> refs = new HashMap<>();
        projects.findAllInTenant(ids, TenantContext.requireTenantId())
                .forEach(p -> refs.put(p.getId(), new ProjectRef(p.getId(), p.getKey(), p.getName())));
        return refs;
    }

    /** A project going live on a day, and who manages it. */
    public record GoLive(Long projectId, String key, String name, LocalDate goLive, @Nullable Long pmUserId) {
    }

    /** The organisation's projects going live in [from, to], soonest first (closed ones left out). */
    public List<GoLive> goLivesBetween(LocalDate from, LocalDate to) {
        return projects.findGoingLive(TenantContext.requireTenantId(), from, to).stream()
                .map(p -> new GoLive(p.getId(), p.getKey(), p.getName(), java.util.Objects.requireNonNull(p.getGoLiveDate()), p.getPmUserId()))
                .toList();
    }

    public ProjectForm load(Long id) {
        return ProjectForm.of(find(id));
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long create(ProjectForm form) {
        validate(form, null);
        Project project = new Project(form.getKey(), form.getName(), clock.instant(), TenantContext.currentUserName());
        apply(form, project);
        Long id = saveChecked(project, form).getId();
        audit.created(SUBJECT, id, id, "Created project " + form.getKey() + " " + form.getName() + ".");
        // The work module opens the project's roll-up row in this transaction.
        publish(id, ProjectChanged.Change.CREATED);
        return id;
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public ProjectForm update(ProjectForm form) {
        Long id = Objects.requireNonNull(form.getId(), "An existing project has an id.");
        Project project = find(id);
        if (project.getVersion() != form.getVersion()) {
            throw new ConcurrentChangeException("Project " + project.getKey(), project.getUpdatedBy(), project.getUpdatedAt());
        }
        validate(form, id);
        Map<String, String> before = auditedFields(ProjectForm.of(project));
        apply(form, project);
        project.touch(clock.instant(), TenantContext.currentUserName());
        ProjectForm saved = ProjectForm.of(saveChecked(project, form));
        Map<String, String> after = auditedFields(saved);
        before.forEach((field, value) -> audit.changed(SUBJECT, id, id, field, blankToNull(value), blankToNull(after.get(field))));
        publish(id, ProjectChanged.Change.DETAILS);
        return saved;
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void delete(Long id, long version) {
        Project project = find(id);
        if (project.getVersion() != version) {
            throw new ConcurrentChangeException("Project " + project.getKey(), project.getUpdatedBy(), project.getUpdatedAt());
        }
        audit.deleted(SUBJECT, id, id, "Deleted project " + project.getKey() + " " + project.getName()
                + " with its " + work.appliedTemplates(id) + " applied templates.");
        // Before the row goes: the work module deletes the project's instances, items and roll-up in this transaction.
        publish(id, ProjectChanged.Change.DELETED);
        projects.delete(project);
    }

    private void publish(Long projectId, ProjectChanged.Change change) {
        events.publishEvent(new ProjectChanged(TenantContext.requireTenantId(), projectId, change, null, ChangedBy.current(), clock.instant()));
    }

    /** The fields of a project as the history shows them, PM by name. */
    private Map<String, String> auditedFields(ProjectForm form) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Key", form.getKey());
        fields.put("Name", form.getName());
        fields.put("Description", form.getDescription() == null ? "" : form.getDescription());
        fields.put("Project manager", form.getPmUserId() == null ? "" : members.activeMembers(List.of(form.getPmUserId())).stream()
                .map(m -> m.displayName()).findFirst()
                .orElse("user " + form.getPmUserId()));
        fields.put("Status", form.getStatus() == null ? "" : form.getStatus().label());
        fields.put("Start date", form.getStartDate() == null ? "" : form.getStartDate().toString());
        fields.put("Go-live date", form.getGoLiveDate() == null ? "" : form.getGoLiveDate().toString());
        fields.put("Close date", form.getCloseDate() == null ? "" : form.getCloseDate().toString());
        fields.put("Sponsor", form.getSponsor() == null ? "" : form.getSponsor());
        fields.put("Program", form.getProgramId() == null ? "" : programs.findInTenant(form.getProgramId(), TenantContext.requireTenantId())
                .map(Program::getName).orElse("program " + form.getProgramId()));
        return fields;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private Project find(Long id) {
        return projects.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Project", id));
    }

    private void validate(ProjectForm form, @Nullable Long existingId) {
        List<ConstraintViolation<ProjectForm>> violations = validator.validate(form).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
        if (!violations.isEmpty()) {
            ConstraintViolation<ProjectForm> first = violations.getFirst();
            throw new RuleViolationException(first.getPropertyPath().toString(), first.getMessage());
        }
        if (form.getStartDate() != null && form.getGoLiveDate() != null && form.getGoLiveDate().isBefore(form.getStartDate())) {
            throw new RuleViolationException("goLiveDate", "The go-live date cannot be before the start date.");
        }
        if (form.getStartDate() != null && form.getCloseDate() != null && form.getCloseDate().isBefore(form.getStartDate())) {
            throw new RuleViolationException("closeDate", "The close date cannot be before the start date.");
        }
        if (form.getProgramId() != null && programs.findInTenant(form.getProgramId(), TenantContext.requireTenantId()).isEmpty()) {
            throw new RuleViolationException("programId", "Choose a program of this organisation.");
        }
        if (form.getPmUserId() != null && !members.isActiveMember(form.getPmUserId())) {
            throw new RuleViolationException("pmUserId", "Choose a project manager from this organisation's members.");
        }
        if (projects.keyTaken(TenantContext.requireTenantId(), form.getKey(), existingId)) {
            throw duplicateKey(form);
        }
    }

    private static void apply(ProjectForm form, Project project) {
        project.describe(form.getKey(), form.getName(), form.getDescription(), form.getPmUserId(),
                Objects.requireNonNull(form.getStatus()), form.getStartDate(), form.getGoLiveDate());
        project.organise(form.getProgramId(), form.getSponsor(), form.getCloseDate());
    }

    private Project saveChecked(Project project, ProjectForm form) {
        try {
            return projects.saveAndFlush(project);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT).contains("uk_project_tenant_key")) {
                // Another user took the key between our check and the insert.
                throw duplicateKey(form);
            }
            throw e;
        }
    }

    private static RuleViolationException duplicateKey(ProjectForm form) {
        return new RuleViolationException("key", "Another project already uses the key " + form.getKey() + ". Choose a different key.");
    }
}
