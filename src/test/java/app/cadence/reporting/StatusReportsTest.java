package app.cadence.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.service.CutoverRuns;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.reporting.domain.StatusReportRepository;
import app.cadence.reporting.service.ProjectFacts;
import app.cadence.reporting.service.ProjectStatus;
import app.cadence.reporting.service.PublishedReport;
import app.cadence.reporting.service.ReportView;
import app.cadence.reporting.service.StatusReports;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroSessions;
import app.cadence.shared.SafeMarkdown;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.PdfText;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.template.domain.MessagePlaceholder;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A project's facts read live (blocked items with reasons, overdue ones most overdue first,
 * milestones in the next 30 days, runbook progress, retrospectives and open actions), every message
 * placeholder filled, and status reports: drafted, published and frozen with a PDF, read-only
 * afterwards, by role, and invisible and unchangeable from another organisation.
 */
@IntegrationTest
class StatusReportsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired TestClock clock;
    @Autowired ProjectService projects;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired CutoverRuns runs;
    @Autowired RetroSessions retroSessions;
    @Autowired RetroActions retroActions;
    @Autowired RetroReading retroReading;
    @Autowired ProjectFacts facts;
    @Autowired StatusReports reports;
    @Autowired StatusReportRepository storedReports;
    @Autowired TransactionTemplate transactions;
    @Autowired app.cadence.audit.service.AuditTrail audit;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member ana;
    Member viewer;
    Long projectId;
    LocalDate today;
    Long upcomingRunbook;
    Long lateRunbook;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Reports");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        ana = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        projectId = fixtures.project(pm, "REP-" + UUID.randomUUID().toString().substring(0, 4), "Billing *Phase 2* [draft]");
        as(pm, () -> {
            ProjectForm form = projects.load(projectId);
            form.setPmUserId(pm.userId());
            form.setStartDate(today.minusDays(60));
            form.setGoLiveDate(today.plusDays(20));
            projects.update(form);
        });
        Long runbook = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        upcomingRunbook = apply(runbook, "Go-live cutover", now.plusDays(10));
        lateRunbook = apply(runbook, "Data migration", now.minusDays(2));
    }

    Long apply(Long templateId, String name, LocalDateTime t0) {
        return as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, name, Anchors.at(t0)));
        });
    }

    ItemView item(Long instanceId, String title) {
        return as(pm, () -> reading.details(instanceId)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    void set(Long instanceId, String title, ItemStatus status, String reason) {
        ItemView item = item(instanceId, title);
        as(pm, () -> itemWork.bulkStatus(instanceId, List.of(new ItemRef(item.id(), item.version())), status, reason));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    @Test
    void theFactsSayWhatIsBlockedOverdueComingUpAndHowFarTheRunbooksAre() {
        ItemView load = item(upcomingRunbook, "Load data");
        as(pm, () -> itemWork.bulkAssign(upcomingRunbook, List.of(new ItemRef(load.id(), load.version())), ana.userId()));
        set(upcomingRunbook, "Load data", ItemStatus.BLOCKED, "Waiting for the vendor's export");
        set(lateRunbook, "Extract legacy data", ItemStatus.DONE, "");
        as(pm, () -> runs.scheduleRehearsal(upcomingRunbook, null));

        ProjectStatus status = as(viewer, () -> facts.status(projectId, today));

        assertThat(status.name()).isEqualTo("Billing *Phase 2* [draft]");
        assertThat(status.managerName()).isEqualTo(pm.name());
        assertThat(status.goLive()).isEqualTo(today.plusDays(20));
        assertThat(status.blocked()).singleElement().satisfies(b -> {
            assertThat(b.title()).isEqualTo("Load data");
            assertThat(b.where()).startsWith("Go-live cutover (");
            assertThat(b.owner()).isEqualTo(ana.name());
            assertThat(b.reason()).isEqualTo("Waiting for the vendor's export");
        });
        // Due T−1h and T0 two days ago; the rollback step never counts, the done one no longer does.
        assertThat(status.overdue()).extracting(ProjectStatus.Item::title).containsExactly("Load data", "Business sign-off");
        assertThat(status.overdue()).allSatisfy(i -> assertThat(i.where()).startsWith("Data migration"));
        assertThat(status.overdue().getFirst().daysOverdue()).isBetween(1L, 2L);
        assertThat(status.overdueCount()).isEqualTo(2);
        // In the 30-day window: the upcoming runbook's milestone step and the go-live; not the late runbook's, nor the start.
        assertThat(status.milestones()).extracting(ProjectStatus.Milestone::name)
                .containsExactly("Business sign-off (Go-live cutover)", "Go-live");
        assertThat(status.milestones()).extracting(ProjectStatus.Milestone::date).containsExactly(today.plusDays(10), today.plusDays(20));
        assertThat(status.runbooks()).extracting(ProjectStatus.Runbook::name).containsExactlyInAnyOrder("Go-live cutover", "Data migration");
        ProjectStatus.Runbook upcoming = status.runbooks().stream().filter(r -> r.name().equals("Go-live cutover")).findFirst().orElseThrow();
        assertThat(upcoming.run()).contains("rehearsal").contains("Scheduled");
        assertThat(upcoming.total()).isEqualTo(3);
        ProjectStatus.Runbook late = status.runbooks().stream().filter(r -> r.name().equals("Data migration")).findFirst().orElseThrow();
        assertThat(late.run()).isNull();
        assertThat(late.done()).isEqualTo(1);
        assertThat(status.trend()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("Today"));
    }

    @Test
    void aGoNoGoThatARunStillWaitsForIsAnOpenDecision() {
        Long template = fixtures.publishedTemplate(pmo, "Go-live runbook", SampleTemplates.goLiveRunbook());
        Long instance = apply(template, "Go-live weekend", today.plusDays(5).atTime(12, 0));
        as(pm, () -> runs.scheduleLiveRun(instance, null));
        ProjectStatus status = as(viewer, () -> facts.status(projectId, today));
        assertThat(status.openDecisions()).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Go/no-go: Go/no-go");
            assertThat(d.runbook()).isEqualTo("Go-live weekend");
            assertThat(d.state()).startsWith("Not open yet, planned " + ProjectFactsDays.format(today.plusDays(5)));
        });
        assertThat(as(viewer, () -> facts.placeholderValues(projectId, today, null)).get(MessagePlaceholder.RUNBOOK_PROGRESS))
                .contains("Go-live weekend: 0 of").contains("(live run) · Scheduled");
    }

    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    /** What reading a project's facts costs: bounded, whatever the number of items; printed for docs/performance.md. */
    @Test
    void readingTheFactsCostsABoundedNumberOfStatements() {
        as(pm, () -> runs.scheduleRehearsal(upcomingRunbook, null));
        set(upcomingRunbook, "Load data", ItemStatus.BLOCKED, "Waiting");
        long few = statementsFor(() -> facts.status(projectId, today));
        Long runbook = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int days = 3; days <= 12; days++) {
            Long instance = apply(runbook, "Old run " + days, now.minusDays(days));
            set(instance, "Extract legacy data", ItemStatus.BLOCKED, "Waiting " + days);
        }
        long more = statementsFor(() -> facts.status(projectId, today));
        System.out.printf("ProjectFacts.status: %d statements with 2 runbooks (one with a run), %d with 12 runbooks%n", few, more);
        assertThat(few).isLessThanOrEqualTo(30);
        // One statement per further runbook without a run (its list of runs); items, owners and names are read once.
        assertThat(more - few).isLessThanOrEqualTo(10);
    }

    long statementsFor(Runnable read) {
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        as(pm, read);
        long count = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return count;
    }

    @Test
    void theMostOverdueTenAreListedAndTheCountSaysHowManyInAll() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Long runbook = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        for (int days = 3; days <= 6; days++) {
            apply(runbook, "Old run " + days, now.minusDays(days));
        }
        ProjectStatus status = as(pm, () -> facts.status(projectId, today));
        // 3 overdue from the late runbook, 3 from each of the four older ones.
        assertThat(status.overdueCount()).isEqualTo(15);
        assertThat(status.overdue()).hasSize(ProjectFacts.TOP_OVERDUE);
        assertThat(status.overdue().getFirst().where()).startsWith("Old run 6");
        assertThat(status.overdue()).extracting(ProjectStatus.Item::daysOverdue).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void everyPlaceholderIsFilledWithListsInMarkdownAndNamesEscaped() {
        set(upcomingRunbook, "Load data", ItemStatus.BLOCKED, "Vendor <script>");
        Long sessionId = retroSession();
        as(pm, () -> retroActions.add(sessionId, null, "Book the *training* room", ana.userId(), today.minusDays(1)));

        Map<MessagePlaceholder, String> values = as(pm, () -> facts.placeholderValues(projectId, today, today.plusDays(3)));

        assertThat(values.keySet()).containsExactlyInAnyOrder(MessagePlaceholder.values());
        assertThat(values.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        assertThat(values.get(MessagePlaceholder.PROJECT_NAME)).isEqualTo("Billing \\*Phase 2\\* \\[draft\\]");
        assertThat(SafeMarkdown.toHtml(values.get(MessagePlaceholder.PROJECT_NAME))).contains("Billing *Phase 2* [draft]").doesNotContain("<em>");
        assertThat(values.get(MessagePlaceholder.PROJECT_MANAGER)).isEqualTo(pm.name());
        assertThat(values.get(MessagePlaceholder.GO_LIVE)).isEqualTo(ProjectFactsDays.format(today.plusDays(20)));
        assertThat(values.get(MessagePlaceholder.HEALTH)).isIn("Green", "Amber", "Red", "Not assessed");
        assertThat(values.get(MessagePlaceholder.MILESTONES_NEXT_30)).startsWith("- ").contains("Go-live");
        assertThat(values.get(MessagePlaceholder.ITEMS_BLOCKED)).startsWith("- **Load data**").contains("Vendor \\<script\\>");
        assertThat(SafeMarkdown.toHtml(values.get(MessagePlaceholder.ITEMS_BLOCKED))).doesNotContain("<script");
        assertThat(values.get(MessagePlaceholder.ITEMS_OVERDUE)).startsWith("- **Extract legacy data**").contains("overdue");
        assertThat(values.get(MessagePlaceholder.RUNBOOK_PROGRESS)).contains("Go-live cutover: 0 of").contains("Data migration: 0 of");
        assertThat(values.get(MessagePlaceholder.ACTIONS_OPEN)).isEqualTo("- Book the \\*training\\* room — " + ana.name() + ", due "
                + ProjectFactsDays.format(today.minusDays(1)) + " (overdue)");
        assertThat(values.get(MessagePlaceholder.REPORT_LATEST)).isEqualTo("No status report published yet.");
        assertThat(values.get(MessagePlaceholder.TODAY)).isEqualTo(ProjectFactsDays.format(today));
        assertThat(values.get(MessagePlaceholder.OCCURRENCE_DATE)).isEqualTo(ProjectFactsDays.format(today.plusDays(3)));

        ReportView published = as(pm, () -> {
            ReportView draft = reports.startDraft(projectId);
            return reports.publish(draft.id(), draft.version());
        });
        assertThat(as(viewer, () -> facts.placeholderValues(projectId, today, null)).get(MessagePlaceholder.REPORT_LATEST))
                .matches("\\[.*status report.*\\]\\(https?://.+/status-reports/" + published.id() + "\\)");
    }

    @Test
    void aProjectWithNothingToReportSaysNone() {
        Long empty = fixtures.project(pm, "EMP-" + UUID.randomUUID().toString().substring(0, 4), "Quiet");
        Map<MessagePlaceholder, String> values = as(pm, () -> facts.placeholderValues(empty, today, null));
        assertThat(values.get(MessagePlaceholder.ITEMS_BLOCKED)).isEqualTo("None.");
        assertThat(values.get(MessagePlaceholder.ITEMS_OVERDUE)).isEqualTo("None.");
        assertThat(values.get(MessagePlaceholder.ACTIONS_OPEN)).isEqualTo("None.");
        assertThat(values.get(MessagePlaceholder.MILESTONES_NEXT_30)).isEqualTo("None.");
        assertThat(values.get(MessagePlaceholder.RUNBOOK_PROGRESS)).isEqualTo("No cutover runbook applied.");
        assertThat(values.get(MessagePlaceholder.PROJECT_MANAGER)).isEqualTo("No project manager");
        assertThat(values.get(MessagePlaceholder.OCCURRENCE_DATE)).isEqualTo(ProjectFactsDays.format(today));
    }

    Long retroSession() {
        Long template = fixtures.publishedTemplate(pmo, "Retro", SampleTemplates.retrospective());
        Long instance = apply(template, "Sprint retro", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(1));
        Long sessionId = as(pm, () -> retroSessions.sessionOf(instance)).orElseThrow();
        while (as(pm, () -> retroReading.phaseOf(sessionId)) != RetroPhase.DISCUSS) {
            as(pm, () -> retroSessions.advance(sessionId));
        }
        return sessionId;
    }

    @Test
    void publishingFreezesTheReportAndItsPdfAndAPublishedReportCannotBeChanged() {
        ReportView draft = as(pm, () -> reports.startDraft(projectId));
        assertThat(as(pmo, () -> reports.startDraft(projectId)).id()).as("one open draft per project").isEqualTo(draft.id());
        ReportView saved = as(pm, () -> reports.saveNarrative(draft.id(), "**Wave 1** went live.\n\n- DACH trained\n- Nordics next", draft.version()));
        assertThatThrownBy(() -> as(pmo, () -> reports.saveNarrative(draft.id(), "Mine", draft.version())))
                .isInstanceOf(ConcurrentChangeException.class);

        ReportView published = as(pm, () -> reports.publish(saved.id(), saved.version()));
        assertThat(published.published()).isTrue();
        assertThat(published.publishedBy()).isEqualTo(pm.name());
        assertThat(published.sections()).contains("## Blocked items\n\nNone.");
        byte[] pdf = as(viewer, () -> reports.pdf(published.id())).bytes();
        String text = PdfText.of(pdf);
        assertThat(text).contains("Wave 1 went live.").contains("DACH trained").contains(published.health().label())
                .contains(published.healthReason()).contains("Blocked items");

        // The project moves on: the published report does not.
        set(upcomingRunbook, "Load data", ItemStatus.BLOCKED, "Vendor late");
        ReportView again = as(viewer, () -> reports.report(published.id()));
        assertThat(again.sections()).isEqualTo(published.sections());
        assertThat(again.markdown()).isEqualTo(published.markdown()).contains("**Wave 1** went live.");
        assertThat(as(viewer, () -> reports.pdf(published.id())).bytes()).isEqualTo(pdf);
        assertThat(as(pm, () -> reports.livePreview(projectId, ""))).contains("Vendor late");

        assertThatThrownBy(() -> as(pm, () -> reports.saveNarrative(published.id(), "Rewritten", again.version())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("can no longer be changed");
        assertThatThrownBy(() -> as(pm, () -> reports.publish(published.id(), again.version())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("can no longer be changed");

        // The project's record says who wrote and published it.
        List<app.cadence.audit.service.AuditTrail.Entry> record = as(pm, () -> audit.projectHistory(projectId,
                app.cadence.audit.service.AuditTrail.HistoryFilter.none(), 0, 50));
        assertThat(record).filteredOn(e -> "Status report".equals(e.subjectLabel())).extracting(e -> e.field() + ": " + e.after())
                .contains("Summary: **Wave 1** went live.\n\n- DACH trained\n- Nordics next", "State: Published (" + published.health().label() + ")");

        // The next draft is a new report; the history lists the published one with the trend point it left.
        ReportView next = as(pm, () -> reports.startDraft(projectId));
        assertThat(next.id()).isNotEqualTo(published.id());
        assertThat(as(viewer, () -> reports.history(projectId, 0, 10))).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(published.id()));
        assertThat(as(viewer, () -> facts.status(projectId, today)).trend()).extracting(ProjectStatus.HealthPoint::source)
                .containsExactly("Published report", "Today");
        PublishedReport latest = as(viewer, () -> reports.latestPublished(projectId)).orElseThrow();
        assertThat(latest.id()).isEqualTo(published.id());
        assertThat(latest.markdown()).startsWith("# ").contains("**Wave 1** went live.").contains("## Milestones in the next 30 days");
    }

    @Test
    void everyoneReadsButOnlyProjectManagersWrite() {
        ReportView draft = as(pm, () -> reports.startDraft(projectId));
        for (Member reader : List.of(ana, viewer)) {
            assertThatThrownBy(() -> as(reader, () -> reports.startDraft(projectId))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> reports.saveNarrative(draft.id(), "x", draft.version())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> reports.publish(draft.id(), draft.version()))).isInstanceOf(AccessDeniedException.class);
            assertThat(as(reader, () -> reports.report(draft.id())).id()).isEqualTo(draft.id());
            assertThat(as(reader, () -> reports.mayWrite())).isFalse();
        }
        assertThat(as(pmo, () -> reports.mayWrite())).isTrue();
        ReportView published = as(pmo, () -> reports.publish(draft.id(), draft.version()));
        assertThat(published.publishedBy()).isEqualTo(pmo.name());
    }

    @Test
    void anotherOrganisationCanNeitherReadNorChangeNorDeleteTheReports() {
        ReportView draft = as(pm, () -> reports.startDraft(projectId));
        ReportView published = as(pm, () -> reports.publish(draft.id(), draft.version()));
        ReportView open = as(pm, () -> reports.startDraft(projectId));
        Member intruder = fixtures.member(fixtures.tenant("Report intruder"), Role.ADMIN);

        as(intruder, () -> {
            assertThatThrownBy(() -> reports.report(published.id())).isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> reports.pdf(published.id())).isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> reports.saveNarrative(open.id(), "Theirs", open.version())).isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> reports.publish(open.id(), open.version())).isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> reports.startDraft(projectId)).isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> facts.status(projectId, today)).isInstanceOf(RecordNotFoundException.class);
            assertThat(reports.history(projectId, 0, 10)).isEmpty();
            assertThat(reports.countHistory(projectId)).isZero();
            assertThat(reports.latestPublished(projectId)).isEmpty();
            assertThat(reports.openDraft(projectId)).isEmpty();
        });
        // What deleting a project runs (a bulk delete, past the tenant filter), with the other tenant's id: nothing goes.
        int deleted = as(intruder, () -> transactions.execute(tx -> storedReports.deleteByProject(intruder.tenantId(), projectId)));
        assertThat(deleted).isZero();
        assertThat(as(pm, () -> reports.countHistory(projectId))).isEqualTo(1);
        assertThat(as(pm, () -> reports.report(open.id())).narrative()).isEmpty();
    }

    @Test
    void deletingTheProjectDeletesItsReports() {
        ReportView draft = as(pm, () -> reports.startDraft(projectId));
        ReportView published = as(pm, () -> reports.publish(draft.id(), draft.version()));
        long version = fixtures.load(pm, projectId).getVersion();
        as(pm, () -> projects.delete(projectId, version));
        assertThat(jdbc.queryForObject("select count(*) from status_report where id = ?", Long.class, published.id())).isZero();
    }

    /** The date format of the placeholders. */
    static final class ProjectFactsDays {
        static String format(LocalDate day) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK).format(day);
        }
    }
}
