package app.cadence.reporting.service;

import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReading.RunSummary;
import app.cadence.cutover.service.RunScreen;
import app.cadence.project.domain.Health;
import app.cadence.project.service.HealthView;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.project.service.ProjectService;
import app.cadence.reporting.domain.PublishedRow;
import app.cadence.reporting.domain.StatusReport;
import app.cadence.reporting.domain.StatusReportRepository;
import app.cadence.reporting.service.ProjectStatus.Action;
import app.cadence.reporting.service.ProjectStatus.Decision;
import app.cadence.reporting.service.ProjectStatus.HealthPoint;
import app.cadence.reporting.service.ProjectStatus.Item;
import app.cadence.reporting.service.ProjectStatus.Milestone;
import app.cadence.reporting.service.ProjectStatus.Retrospective;
import app.cadence.reporting.service.ProjectStatus.Runbook;
import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.service.ActionRow;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroReading.ProjectRetros;
import app.cadence.shared.PublicLinks;
import app.cadence.template.domain.MessagePlaceholder;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ProjectAttention;
import app.cadence.work.service.ProjectAttention.AttentionItem;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's facts, read live from the modules that own them: health by the project page's own
 * rule ({@link ProjectHealthService}, which the portfolio's SQL is tested to agree with), items from
 * the work module, runs from the cutover module, sessions and actions from the retro module. What
 * status reports print and what drafted messages quote.
 *
 * <p>Health history: Cadence keeps no health snapshots elsewhere (the audit trail records hand-set
 * overrides only), so the trend is the health of each published status report, then today's.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectFacts {

    public static final int TOP_OVERDUE = 10;
    static final int LISTED = 50;
    static final int MILESTONE_DAYS = 30;
    static final int TREND_POINTS = 8;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ProjectService projects;
    private final ProjectHealthService health;
    private final MembershipDirectory members;
    private final ProjectAttention attention;
    private final InstanceReading instances;
    private final RunReading runs;
    private final RetroReading retros;
    private final StatusReportRepository reports;
    private final TenantSettings settings;
    private final PublicLinks links;
    private final Clock clock;

    ProjectFacts(ProjectService projects, ProjectHealthService health, MembershipDirectory members, ProjectAttention attention,
                 InstanceReading instances, RunReading runs, RetroReading retros, StatusReportRepository reports, TenantSettings settings,
                 PublicLinks links, Clock clock) {
        this.projects = projects;
        this.health = health;
        this.members = members;
        this.attention = attention;
        this.instances = instances;
        this.runs = runs;
        this.retros = retros;
        this.reports = reports;
        this.settings = settings;
        this.links = links;
        this.clock = clock;
    }

    /** The project's status on {@code today} (a day of the organisation's zone); health and overdue are as of now. */
    public ProjectStatus status(Long projectId, LocalDate today) {
        ProjectForm project = projects.load(projectId);
        HealthView healthView = health.health(projectId);
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        List<InstanceProgress> applied = instances.instancesOf(projectId);

        List<Item> blocked = attention.blocked(projectId, LISTED).stream().map(i -> item(i, zone, today)).toList();
        List<Item> overdue = attention.overdue(projectId, now, TOP_OVERDUE).stream().map(i -> item(i, zone, today)).toList();
        long overdueCount = applied.stream().mapToLong(InstanceProgress::overdue).sum();

        List<Runbook> runbooks = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (InstanceProgress instance : applied) {
            if (instance.kind() == TemplateKind.CUTOVER) {
                runbooks.add(runbook(instance, decisions));
            }
        }

        ProjectRetros held = retros.ofProject(projectId);
        List<Retrospective> sessions = held.sessions().stream()
                .map(s -> new Retrospective(s.name(), s.heldOn(), s.phase().label())).toList();
        List<Action> openActions = held.actions().stream().filter(a -> a.status() == ActionStatus.OPEN)
                .sorted(Comparator.comparing(ActionRow::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(a -> new Action(a.title(), a.ownerName(), a.dueOn(), a.dueOn() != null && a.dueOn().isBefore(today))).toList();

        return new ProjectStatus(projectId, project.getName(), project.getKey(), managerName(project.getPmUserId()), project.getGoLiveDate(),
                today, healthView.health(), healthView.reason(), healthView.overridden(), milestones(project, projectId, today, zone),
                blocked, overdue, Math.max(overdueCount, overdue.size()), runbooks, sessions, openActions, decisions,
                trend(projectId, today, healthView.health()));
    }

    /**
     * Every placeholder a message may quote, filled from {@link #status}: lists as Markdown bullet
     * lists ("None." when empty), people's text escaped for Markdown, {@code report.latest} as an
     * absolute link to the latest published report.
     */
    public Map<MessagePlaceholder, String> placeholderValues(Long projectId, LocalDate today, @Nullable LocalDate occurrenceDate) {
        ProjectStatus status = status(projectId, today);
        Map<MessagePlaceholder, String> values = new EnumMap<>(MessagePlaceholder.class);
        for (MessagePlaceholder placeholder : MessagePlaceholder.values()) {
            values.put(placeholder, switch (placeholder) {
                case PROJECT_NAME -> MarkdownText.escape(status.name());
                case PROJECT_CODE -> MarkdownText.escape(status.code());
                case PROJECT_MANAGER -> status.managerName() == null ? "No project manager" : MarkdownText.escape(status.managerName());
                case GO_LIVE -> status.goLive() == null ? "Not set" : DAY.format(status.goLive());
                case HEALTH -> status.health().label();
                case HEALTH_REASON -> MarkdownText.escape(status.healthReason());
                case MILESTONES_NEXT_30 -> StatusMarkdown.milestones(status);
                case ITEMS_BLOCKED -> StatusMarkdown.blocked(status);
                case ITEMS_OVERDUE -> StatusMarkdown.overdue(status);
                case RUNBOOK_PROGRESS -> StatusMarkdown.runbooks(status);
                case ACTIONS_OPEN -> StatusMarkdown.actions(status);
                case REPORT_LATEST -> latestLink(projectId);
                case TODAY -> DAY.format(today);
                case OCCURRENCE_DATE -> DAY.format(occurrenceDate == null ? today : occurrenceDate);
            });
        }
        return values;
    }

    private String latestLink(Long projectId) {
        List<StatusReport> latest = reports.findLatestPublished(TenantContext.requireTenantId(), projectId, PageRequest.of(0, 1));
        if (latest.isEmpty()) {
            return "No status report published yet.";
        }
        StatusReport report = latest.getFirst();
        return "[" + MarkdownText.escape(String.valueOf(report.getTitle())) + "](" + links.to(StatusReports.route(java.util.Objects.requireNonNull(report.getId()))) + ")";
    }

    private @Nullable String managerName(@Nullable Long pmUserId) {
        if (pmUserId == null) {
            return null;
        }
        return members.activeMembers(List.of(pmUserId)).stream().map(MemberSummary::displayName).findFirst().orElse(null);
    }

    private List<Milestone> milestones(ProjectForm project, Long projectId, LocalDate today, ZoneId zone) {
        LocalDate last = today.plusDays(MILESTONE_DAYS);
        List<Milestone> found = new ArrayList<>();
        keyDate(found, "Start", project.getStartDate(), today, last);
        keyDate(found, "Go-live", project.getGoLiveDate(), today, last);
        keyDate(found, "Close", project.getCloseDate(), today, last);
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        for (AttentionItem step : attention.milestones(projectId, from, to, LISTED)) {
            found.add(new Milestone(step.title() + " (" + step.instanceName() + ")",
                    LocalDate.ofInstant(java.util.Objects.requireNonNull(step.dueAt()), zone)));
        }
        found.sort(Comparator.comparing(Milestone::date));
        return found;
    }

    private static void keyDate(List<Milestone> found, String name, @Nullable LocalDate date, LocalDate first, LocalDate last) {
        if (date != null && !date.isBefore(first) && !date.isAfter(last)) {
            found.add(new Milestone(name, date));
        }
    }

    private static Item item(AttentionItem item, ZoneId zone, LocalDate today) {
        LocalDate due = item.dueAt() == null ? null : LocalDate.ofInstant(item.dueAt(), zone);
        long late = due == null || !due.isBefore(today) ? 0 : ChronoUnit.DAYS.between(due, today);
        return new Item(item.title(), item.instanceName() + " (" + item.templateName() + ")", item.ownerName(), due, late,
                item.blockedReason());
    }

    /** The runbook's latest run (one under way first), else the runbook's own items. */
    private Runbook runbook(InstanceProgress instance, List<Decision> decisions) {
        List<RunSummary> all = runs.runsOf(instance.id());
        Optional<RunSummary> latest = all.stream().filter(r -> r.state() != RunState.ENDED)
                .max(Comparator.comparing(RunSummary::plannedT0))
                .or(() -> all.stream().max(Comparator.comparing(RunSummary::plannedT0)));
        if (latest.isEmpty()) {
            return new Runbook(instance.name(), instance.done(), instance.items() - instance.notApplicable(), null);
        }
        RunSummary run = latest.get();
        RunScreen screen = runs.screen(run.id(), 0);
        Map<java.util.UUID, RunScreen.DecisionView> byStep = new java.util.HashMap<>();
        screen.decisions().forEach(d -> byStep.put(d.stepKey(), d));
        if (run.state() != RunState.ENDED) {
            // A checkpoint's decision opens when its step is ready; until then it is still to be taken all the same.
            for (RunScreen.StepRow step : screen.steps()) {
                RunScreen.DecisionView decision = byStep.get(step.key());
                if (step.type() == StepType.GO_NO_GO && !step.rollback() && (decision == null || decision.outcome() == null)) {
                    String state = decision == null
                            ? "Not open yet, planned " + DAY.format(LocalDate.ofInstant(step.plannedStart(), screen.header().zone()))
                            : "Awaiting decision (" + decision.approvals().stream().filter(a -> a.verdict() != null).count() + " of "
                                    + decision.approvals().size() + " votes cast)";
                    decisions.add(new Decision(instance.name(), "Go/no-go: " + step.title(), state));
                }
            }
        }
        for (RunScreen.DecisionView decision : screen.decisions()) {
            for (RunScreen.Condition condition : decision.conditions()) {
                if (!condition.met()) {
                    decisions.add(new Decision(instance.name(), "Condition of “" + decision.title() + "”: " + condition.text(),
                            "Open, set by " + condition.approver()));
                }
            }
        }
        String label = run.name() + " (" + (run.kind() == RunKind.LIVE ? "live run" : "rehearsal") + ") · " + run.state().label();
        return new Runbook(instance.name(), screen.header().stepsDone(), screen.header().stepsCounted(), label);
    }

    private List<HealthPoint> trend(Long projectId, LocalDate today, Health now) {
        List<PublishedRow> published = new ArrayList<>(reports.findPublished(TenantContext.requireTenantId(), projectId,
                PageRequest.of(0, TREND_POINTS - 1)));
        java.util.Collections.reverse(published);
        List<HealthPoint> points = new ArrayList<>();
        published.forEach(r -> points.add(new HealthPoint(r.asOf(), r.health(), "Published report")));
        points.add(new HealthPoint(today, now, "Today"));
        return points;
    }
}
