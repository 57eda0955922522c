package app.cadence.project.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.project.domain.Program;
import app.cadence.project.domain.ProgramRepository;
import app.cadence.project.domain.ProgramRow;
import app.cadence.project.events.ProgramChanged;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programs group a tenant's projects; everyone reads them, ADMIN and PMO maintain them. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ProgramService {

    static final String SUBJECT = "PROGRAM";

    private final ProgramRepository programs;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProgramService(ProgramRepository programs, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ProgramRow> list() {
        return programs.findRows(TenantContext.requireTenantId());
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Long create(String name, @Nullable String description) {
        String clean = checkName(name, null);
        Program program = programs.saveAndFlush(new Program(clean, clean(description), clock.instant(), TenantContext.currentUserName()));
        audit.created(SUBJECT, program.getId(), null, "Created program " + clean + ".");
        publish(program.getId(), ProgramChanged.Change.CREATED);
        return program.getId();
    }

    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void update(Long id, long expectedVersion, String name, @Nullable String description) {
        Program program = find(id);
        if (program.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Program " + program.getName(), program.getUpdatedBy(), program.getUpdatedAt());
        }
        String clean = checkName(name, id);
        audit.changed(SUBJECT, id, null, "Name", program.getName(), clean);
        audit.changed(SUBJECT, id, null, "Description", program.getDescription(), clean(description));
        program.describe(clean, clean(description));
        program.touch(clock.instant(), TenantContext.currentUserName());
        publish(id, ProgramChanged.Change.DETAILS);
    }

    /** Only an empty program can go: projects never lose their grouping silently. */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void delete(Long id) {
        Program program = find(id);
        long count = programs.projectCount(TenantContext.requireTenantId(), id);
        if (count > 0) {
            throw new RuleViolationException(null, "“" + program.getName() + "” still groups " + count
                    + (count == 1 ? " project" : " projects") + ". Move them to another program first.");
        }
        audit.deleted(SUBJECT, id, null, "Deleted program " + program.getName() + ".");
        programs.delete(program);
        publish(id, ProgramChanged.Change.DELETED);
    }

    private void publish(Long programId, ProgramChanged.Change change) {
        events.publishEvent(new ProgramChanged(TenantContext.requireTenantId(), programId, change, ChangedBy.current(), clock.instant()));
    }

    private Program find(Long id) {
        return programs.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Program", id));
    }

    private String checkName(String name, @Nullable Long existingId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("name", "Enter a name for the program.");
        }
        if (clean.length() > Program.NAME_MAX) {
            throw new RuleViolationException("name", "The name can be at most " + Program.NAME_MAX + " characters.");
        }
        if (programs.nameTaken(TenantContext.requireTenantId(), clean, existingId)) {
            throw new RuleViolationException("name", "Another program is already called “" + clean + "”.");
        }
        return clean;
    }

    private static @Nullable String clean(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > Program.DESCRIPTION_MAX) {
            throw new RuleViolationException("description", "The description can be at most " + Program.DESCRIPTION_MAX + " characters.");
        }
        return text.strip();
    }

}
