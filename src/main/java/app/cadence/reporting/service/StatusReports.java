package app.cadence.reporting.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.project.service.ProjectRef;
import app.cadence.project.service.ProjectService;
import app.cadence.reporting.domain.PublishedRow;
import app.cadence.reporting.events.StatusReportChanged;
import app.cadence.reporting.domain.StatusReport;
import app.cadence.reporting.domain.StatusReportRepository;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's status reports: one open draft at a time, whose narrative the project manager writes
 * while everything else is read live; publishing freezes the report and stores its PDF, after which
 * it is read-only. Everyone in the organisation reads them; ADMIN, PMO and PM write them.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class StatusReports {

    static final String SUBJECT = "STATUS_REPORT";

    private final StatusReportRepository reports;
    private final ProjectFacts facts;
    private final ProjectService projects;
    private final AuditTrail audit;
    private final TenantSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StatusReports(StatusReportRepository reports, ProjectFacts facts, ProjectService projects, AuditTrail audit, TenantSettings settings,
                  Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.reports = reports;
        this.facts = facts;
        this.projects = projects;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The in-app route of a report, e.g. for a link in a message. */
    public static String route(Long reportId) {
        return "status-reports/" + reportId;
    }

    private static final ThreadLocal<Instant> RECORDED_AT = new ThreadLocal<>();

    /**
     * Records reports at the time they were written rather than now: for a report entered after the
     * fact (the demo's reports of the past Fridays). The report's day is that time's; the project's
     * data is read as it stands. A Java API only: no screen offers it. Outside a transaction, so that
     * each call inside opens its own (a read-only one around them would refuse their writes).
     */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void recordAt(Instant at, Runnable changes) {
        Instant outer = RECORDED_AT.get();
        RECORDED_AT.set(at);
        try {
            changes.run();
        } finally {
            if (outer == null) {
                RECORDED_AT.remove();
            } else {
                RECORDED_AT.set(outer);
            }
        }
    }

    private Instant now() {
        Instant recorded = RECORDED_AT.get();
        return recorded != null ? recorded : clock.instant();
    }

    /** Whether the signed-in member may write and publish reports (ADMIN, PMO, PM). */
    public boolean mayWrite() {
        return TenantContext.currentSelection().map(s -> s.role().managesProjects()).orElse(false);
    }

    /** The project's open draft, or a new one. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public ReportView startDraft(Long projectId) {
        ProjectRef project = projects.reference(projectId);
        Optional<StatusReport> open = reports.findOpenDraft(TenantContext.requireTenantId(), projectId);
        if (open.isPresent()) {
            return view(open.get());
        }
        StatusReport draft;
        try {
            draft = reports.saveAndFlush(new StatusReport(projectId, now(), TenantContext.currentUserName()));
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolationException(null, "Someone else started a draft of this report at the same moment. Open the page again to write in it.");
        }
        Long id = Objects.requireNonNull(draft.getId());
        audit.created(subject(id, projectId), "Started a status report draft for " + project.key() + ".");
        announce(draft, "DRAFT_STARTED");
        return view(draft);
    }

    /** The open draft, if someone started one. */
    public Optional<ReportView> openDraft(Long projectId) {
        return reports.findOpenDraft(TenantContext.requireTenantId(), projectId).map(this::view);
    }

    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public ReportView saveNarrative(Long reportId, String text, long version) {
        StatusReport report = forChange(reportId, version);
        String clean = text.strip();
        if (clean.length() > StatusReport.NARRATIVE_MAX) {
            throw new RuleViolationException("narrative", "The summary can be at most " + StatusReport.NARRATIVE_MAX
                    + " characters; it has " + clean.length() + ".");
        }
        if (!clean.equals(report.getNarrative())) {
            String before = report.getNarrative();
            report.writeNarrative(clean, now(), TenantContext.currentUserName());
            audit.changed(subject(reportId, report.getProjectId()), "Summary", shorten(before), shorten(clean));
            announce(report, "NARRATIVE");
            reports.flush();
        }
        return view(report);
    }

    /** Freezes the report as the project's data stands now and stores its PDF. */
    @Transactional
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public ReportView publish(Long reportId, long version) {
        StatusReport report = forChange(reportId, version);
        LocalDate today = today();
        ProjectStatus status = facts.status(report.getProjectId(), today);
        String title = StatusMarkdown.title(status);
        String sections = StatusMarkdown.sections(status);
        String by = TenantContext.currentUserName();
        byte[] pdf = StatusReportPdf.write(title, ProjectFacts.DAY.format(today), by, status.health(), status.healthReason(),
                report.getNarrative(), sections);
        report.publish(today, title, status.health(), status.healthReason(), sections, pdf, now(), by);
        audit.changed(subject(reportId, report.getProjectId()), "State", "Draft", "Published (" + status.health().label() + ")");
        announce(report, "PUBLISHED");
        reports.flush();
        return view(report);
    }

    public ReportView report(Long reportId) {
        return view(find(reportId));
    }

    /** Published reports, newest first. */
    public List<ReportRow> history(Long projectId, long offset, int limit) {
        int size = Math.max(1, limit);
        return reports.findPublished(TenantContext.requireTenantId(), projectId, PageRequest.of(Math.toIntExact(offset / size), size))
                .stream().map(StatusReports::row).toList();
    }

    public long countHistory(Long projectId) {
        return reports.countPublished(TenantContext.requireTenantId(), projectId);
    }

    /** The PDF stored when the report was published. */
    public ReportFile pdf(Long reportId) {
        StatusReport report = find(reportId);
        byte[] bytes = report.getPdf();
        if (!report.isPublished() || bytes == null) {
            throw new RuleViolationException(null, "This report is still a draft: publish it to get its PDF.");
        }
        String name = Objects.requireNonNull(report.getTitle()).replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-+", "-");
        return new ReportFile(name.toLowerCase(java.util.Locale.ROOT) + ".pdf", bytes);
    }

    /** The latest published report of the project, whole, e.g. to send it to a communication's audience. */
    public Optional<PublishedReport> latestPublished(Long projectId) {
        return reports.findLatestPublished(TenantContext.requireTenantId(), projectId, PageRequest.of(0, 1)).stream().findFirst()
                .map(r -> {
                    ReportView view = view(r);
                    return new PublishedReport(view.id(), Objects.requireNonNull(r.getPublishedAt()), view.title(), view.markdown());
                });
    }

    /** The generated sections as the project's data stands now, with the title and headline, as Markdown. */
    public String livePreview(Long projectId, String narrative) {
        ProjectStatus status = facts.status(projectId, today());
        return StatusMarkdown.report(StatusMarkdown.title(status), StatusMarkdown.headline(status), narrative, StatusMarkdown.sections(status));
    }

    private ReportView view(StatusReport report) {
        Long id = Objects.requireNonNull(report.getId());
        if (report.isPublished()) {
            String title = Objects.requireNonNull(report.getTitle());
            String headline = "**Health: " + Objects.requireNonNull(report.getHealth()).label() + "** — "
                    + MarkdownText.escape(String.valueOf(report.getHealthReason()));
            String sections = String.valueOf(report.getSections());
            return new ReportView(id, report.getVersion(), report.getProjectId(), report.getState(), Objects.requireNonNull(report.getAsOf()),
                    title, report.getHealth(), String.valueOf(report.getHealthReason()), report.getNarrative(), sections,
                    StatusMarkdown.report(title, headline, report.getNarrative(), sections), report.getUpdatedBy(), report.getUpdatedAt(),
                    report.getPublishedBy(), report.getPublishedAt());
        }
        ProjectStatus status = facts.status(report.getProjectId(), today());
        String title = StatusMarkdown.title(status);
        String sections = StatusMarkdown.sections(status);
        return new ReportView(id, report.getVersion(), report.getProjectId(), report.getState(), status.today(), title, status.health(),
                status.healthReason(), report.getNarrative(), sections,
                StatusMarkdown.report(title, StatusMarkdown.headline(status), report.getNarrative(), sections), report.getUpdatedBy(),
                report.getUpdatedAt(), null, null);
    }

    private static ReportRow row(PublishedRow r) {
        return new ReportRow(r.id(), r.asOf(), r.title(), r.health(), r.healthReason(), r.publishedAt(), r.publishedBy());
    }

    private StatusReport forChange(Long reportId, long version) {
        StatusReport report = find(reportId);
        if (report.isPublished()) {
            throw new RuleViolationException(null, "This status report was published by " + report.getPublishedBy() + " on "
                    + ProjectFacts.DAY.format(Objects.requireNonNull(report.getAsOf()))
                    + " and can no longer be changed. Start a new draft for the next report.");
        }
        if (report.getVersion() != version) {
            throw new ConcurrentChangeException("The status report", report.getUpdatedBy(), report.getUpdatedAt());
        }
        return report;
    }

    private StatusReport find(Long reportId) {
        return reports.findInTenant(reportId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Status report", reportId));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), settings.zone());
    }

    /** In the project's history: "Status report · Summary". */
    private static AuditTrail.Subject subject(Long reportId, Long projectId) {
        return new AuditTrail.Subject(SUBJECT, reportId, projectId, "Status report");
    }

    private void announce(StatusReport report, String change) {
        events.publishEvent(new StatusReportChanged(TenantContext.requireTenantId(), Objects.requireNonNull(report.getId()),
                report.getProjectId(), change, ChangedBy.current(), now()));
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

}
