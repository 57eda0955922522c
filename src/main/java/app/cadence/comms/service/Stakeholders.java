package app.cadence.comms.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.comms.domain.DistributionListMemberRepository;
import app.cadence.comms.domain.Stakeholder;
import app.cadence.comms.domain.StakeholderCsv;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderEngagement;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.domain.StakeholderRepository;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's stakeholder register: every member of the organisation reads it; ADMIN, PMO and PM
 * (who may edit projects) add, edit, delete and import. A stakeholder of another organisation, or
 * of another project than the one named, is not found.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class Stakeholders {

    static final String SUBJECT = "Stakeholder";
    /** Columns the register may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("name", "email", "organisation", "role", "influence", "interest", "channel");

    /** How many of the project's stakeholders fall in each quadrant of the influence/interest grid. */
    public record Summary(Map<StakeholderEngagement, Long> byEngagement, long total) {

        public long count(StakeholderEngagement engagement) {
            return byEngagement.getOrDefault(engagement, 0L);
        }
    }

    /** What an import did: stakeholders added, and existing ones (same email) updated. */
    public record ImportResult(int added, int updated) {
    }

    /** A file to download, name and bytes. */
    public record CsvFile(String fileName, byte[] bytes) {
        public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    }

    private final StakeholderRepository stakeholders;
    private final DistributionListMemberRepository listed;
    private final ProjectService projects;
    private final AuditTrail audit;
    private final Clock clock;

    Stakeholders(StakeholderRepository stakeholders, DistributionListMemberRepository listed, ProjectService projects, AuditTrail audit, Clock clock) {
        this.stakeholders = stakeholders;
        this.listed = listed;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in member may change registers and lists (ADMIN, PMO, PM). */
    public boolean mayEdit() {
        return TenantContext.currentSelection().map(s -> s.role().managesProjects()).orElse(false);
    }

    /**
     * One page of a project's register, filtered by name, email, organisation or role; by name unless
     * sorted by a known column. Every read names the tenant, so another organisation's project reads
     * as one without stakeholders (no statement is spent proving it exists: the project page counts them).
     */
    public List<StakeholderDetails> list(Long projectId, String search, Sort sort, long offset, int limit) {
        Long tenantId = TenantContext.requireTenantId();
        Sort allowed = Sort.by(sort.stream().filter(o -> SORTABLE.contains(o.getProperty()))
                .map(o -> o.getProperty().equals("influence") || o.getProperty().equals("interest") || o.getProperty().equals("channel") ? o : o.ignoreCase())
                .toList());
        // Ties (everyone of high influence) by name, so that the order is the one a reader expects.
        Sort byName = Sort.by(Sort.Order.asc("name").ignoreCase());
        Sort ordered = (allowed.isSorted() && allowed.getOrderFor("name") == null ? allowed.and(byName) : allowed.isSorted() ? allowed : byName)
                .and(Sort.by("id"));
        int pageSize = Math.max(1, Math.min(limit, 500));
        return stakeholders.findRegister(tenantId, projectId, pattern(search), PageRequest.of(Math.toIntExact(offset / pageSize), pageSize, ordered))
                .stream().map(StakeholderDetails::of).toList();
    }

    public long count(Long projectId, String search) {
        Long tenantId = TenantContext.requireTenantId();
        return stakeholders.countRegister(tenantId, projectId, pattern(search));
    }

    /** The register's influence/interest summary, in one statement. */
    public Summary summary(Long projectId) {
        Long tenantId = TenantContext.requireTenantId();
        Map<StakeholderEngagement, Long> counts = new EnumMap<>(StakeholderEngagement.class);
        long total = 0;
        for (Object[] row : stakeholders.countByLevels(tenantId, projectId)) {
            long n = ((Number) row[2]).longValue();
            counts.merge(StakeholderEngagement.of((StakeholderLevel) row[0], (StakeholderLevel) row[1]), n, Long::sum);
            total += n;
        }
        return new Summary(counts, total);
    }

    public StakeholderDetails details(Long stakeholderId) {
        return StakeholderDetails.of(find(stakeholderId));
    }

    /** Adds a stakeholder to the project's register; one email address is one stakeholder per project. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public StakeholderDetails add(Long projectId, StakeholderDraft draft) {
        Long tenantId = TenantContext.requireTenantId();
        ProjectRef project = projects.reference(projectId);
        refuseTakenEmail(tenantId, projectId, draft, null);
        Stakeholder saved = save(new Stakeholder(projectId, draft, clock.instant(), TenantContext.currentUserName()), draft);
        audit.created(new AuditTrail.Subject(SUBJECT, saved.id(), projectId, saved.getName()), "Added " + saved.getName() + " to the stakeholders of " + project.key() + ".");
        return StakeholderDetails.of(saved);
    }

    /** Saves an edit made on {@code version}; someone else's save in between is refused, nothing lost from the form. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public StakeholderDetails update(Long stakeholderId, long version, StakeholderDraft draft) {
        Long tenantId = TenantContext.requireTenantId();
        Stakeholder stakeholder = find(stakeholderId);
        if (stakeholder.getVersion() != version) {
            throw new ConcurrentChangeException("Stakeholder " + stakeholder.getName(), stakeholder.getUpdatedBy(), stakeholder.getUpdatedAt());
        }
        refuseTakenEmail(tenantId, stakeholder.getProjectId(), draft, stakeholderId);
        StakeholderDraft before = stakeholder.draft();
        stakeholder.apply(draft);
        stakeholder.touch(clock.instant(), TenantContext.currentUserName());
        Stakeholder saved = save(stakeholder, draft);
        auditChanges(saved, before, saved.draft());
        return StakeholderDetails.of(saved);
    }

    /** Deletes a stakeholder seen at {@code version}; it leaves every distribution list too. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public void delete(Long stakeholderId, long version) {
        Long tenantId = TenantContext.requireTenantId();
        Stakeholder stakeholder = find(stakeholderId);
        if (stakeholder.getVersion() != version) {
            throw new ConcurrentChangeException("Stakeholder " + stakeholder.getName(), stakeholder.getUpdatedBy(), stakeholder.getUpdatedAt());
        }
        listed.deleteStakeholders(tenantId, List.of(stakeholderId));
        audit.deleted(new AuditTrail.Subject(SUBJECT, stakeholderId, stakeholder.getProjectId(), stakeholder.getName()), "Deleted the stakeholder " + stakeholder.getName() + ".");
        stakeholders.delete(stakeholder);
    }

    /**
     * Imports a CSV file into the project's register, all or nothing: every row is checked first, and
     * any problem refuses the whole file ({@link StakeholderImportException} lists them by row and
     * column). A row whose email is already in the register updates that stakeholder; other rows add one.
     */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public ImportResult importCsv(Long projectId, byte[] file) {
        Long tenantId = TenantContext.requireTenantId();
        ProjectRef project = projects.reference(projectId);
        StakeholderCsv.Parsed parsed = StakeholderCsv.read(file);
        if (!parsed.ok()) {
            throw new StakeholderImportException(parsed.shownErrors(), parsed.errorCount());
        }
        Map<String, Stakeholder> byEmail = new HashMap<>();
        for (Stakeholder s : stakeholders.findByProject(tenantId, projectId)) {
            StakeholderDraft d = s.draft();
            if (d.emailKey() != null) {
                byEmail.put(d.emailKey(), s);
            }
        }
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        int added = 0;
        int updated = 0;
        for (StakeholderCsv.Row row : parsed.rows()) {
            StakeholderDraft draft = row.draft();
            Stakeholder existing = draft.emailKey() == null ? null : byEmail.get(draft.emailKey());
            if (existing == null) {
                Stakeholder saved = stakeholders.save(new Stakeholder(projectId, draft, now, by));
                audit.created(new AuditTrail.Subject(SUBJECT, saved.id(), projectId, saved.getName()), "Imported " + saved.getName() + " into the stakeholders of " + project.key() + ".");
                added++;
            } else {
                StakeholderDraft before = existing.draft();
                existing.apply(draft);
                existing.touch(now, by);
                auditChanges(existing, before, existing.draft());
                updated++;
            }
        }
        stakeholders.flush();
        return new ImportResult(added, updated);
    }

    /** The register as CSV, in the import's columns, by name. */
    public CsvFile exportCsv(Long projectId) {
        Long tenantId = TenantContext.requireTenantId();
        ProjectRef project = projects.reference(projectId);
        List<StakeholderDraft> rows = stakeholders.findByProject(tenantId, projectId).stream().map(Stakeholder::draft).toList();
        String name = "stakeholders-" + project.key().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT) + ".csv";
        return new CsvFile(name, StakeholderCsv.write(rows));
    }

    private Stakeholder find(Long id) {
        return stakeholders.findInTenant(id, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
    }

    private void refuseTakenEmail(Long tenantId, Long projectId, StakeholderDraft draft, @Nullable Long exceptId) {
        String key = draft.emailKey();
        if (key != null && draft.problems().isEmpty() && stakeholders.emailTaken(tenantId, projectId, key, exceptId)) {
            throw takenEmail(draft);
        }
    }

    private static RuleViolationException takenEmail(StakeholderDraft draft) {
        return new RuleViolationException(StakeholderDraft.EMAIL, draft.email() + " is already in this project's register. "
                + "Edit that stakeholder instead, or enter another address.");
    }

    private Stakeholder save(Stakeholder stakeholder, StakeholderDraft draft) {
        try {
            return stakeholders.saveAndFlush(stakeholder);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT).contains("uk_stakeholder_tenant_project_email")) {
                // Someone else added the address between the check and the save.
                throw takenEmail(draft);
            }
            throw e;
        }
    }

    private void auditChanges(Stakeholder s, StakeholderDraft before, StakeholderDraft after) {
        AuditTrail.Subject subject = new AuditTrail.Subject(SUBJECT, s.id(), s.getProjectId(), s.getName());
        change(subject, "Name", before.name(), after.name());
        change(subject, "Email", before.email(), after.email());
        change(subject, "Organisation", before.organisation(), after.organisation());
        change(subject, "Role", before.role(), after.role());
        change(subject, "Influence", label(before.influence()), label(after.influence()));
        change(subject, "Interest", label(before.interest()), label(after.interest()));
        change(subject, "Preferred channel", before.channel() == null ? null : before.channel().label(),
                after.channel() == null ? null : after.channel().label());
        change(subject, "Notes", before.notes(), after.notes());
    }

    private void change(AuditTrail.Subject subject, String field, @Nullable String before, @Nullable String after) {
        if (!java.util.Objects.equals(before, after)) {
            audit.changed(subject, field, before, after);
        }
    }

    private static @Nullable String label(@Nullable StakeholderLevel level) {
        return level == null ? null : level.label();
    }

    private static @Nullable String pattern(String search) {
        SearchTerm term = new SearchTerm(search);
        return term.isEmpty() ? null : term.containsPattern();
    }
}
