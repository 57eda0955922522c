package app.cadence.comms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.SampleTemplates;
import app.cadence.comms.domain.OccurrenceStatus;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.ui.MyWorkView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The communication screens, browserless: the project's Communications tab (agenda, plan with the
 * entry editor, log), a communication's page (draft from live data, record as held, read-only once
 * sent; read-only for someone who is neither owner nor PM), My work, This week, the working
 * calendar (a holiday added, a bad .ics refused naming its line) and another tenant's
 * communication not found.
 */
class CommunicationsViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired Communications communications;
    @Autowired TestClock clock;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member ana;
    Long projectId;
    LocalDate start;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Comms screens");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        ana = fixtures.member(tenant, Role.CONTRIBUTOR);
        projectId = fixtures.project(pm, "CS-" + UUID.randomUUID().toString().substring(0, 4), "CRM rollout");
        Long templateId = fixtures.publishedTemplate(pmo, "Communication plan", SampleTemplates.communicationPlan());
        start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Plan",
                    Anchors.plan(start, start.plusWeeks(12).minusDays(1), start.plusWeeks(8))));
        });
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    OccurrenceRow first(String title) {
        return as(pm, () -> communications.agenda(projectId, start.atStartOfDay().toInstant(ZoneOffset.UTC),
                start.plusWeeks(14).atStartOfDay().toInstant(ZoneOffset.UTC))).stream().filter(o -> o.title().equals(title)).findFirst().orElseThrow();
    }

    /** The PMO skips the occurrence in a request of their own: another thread, no UI of this test. */
    void skipElsewhere(OccurrenceRow occurrence, String reason) {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            com.vaadin.flow.internal.CurrentInstance.clearAll();
            as(pmo, () -> {
                communications.skip(occurrence.id(), occurrence.version(), reason);
                return null;
            });
        }).join();
    }

    /** Until the screen shows it, as the browser would: pending pushes run, scripts answered. */
    static void awaitScreen(java.util.function.BooleanSupplier shows) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInSameThread().pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> {
                    com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
                    com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                            .filter(call -> call.isSubscribed()).forEach(call -> call.complete(tools.jackson.databind.node.IntNode.valueOf(0)));
                    return shows.getAsBoolean();
                });
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String className) {
        return _get(Grid.class, spec -> spec.withClasses(className));
    }

    @Test
    void theProjectsCommunicationsTabShowsTheAgendaThePlanAndTheLog() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        Grid<OccurrenceRow> agenda = grid("comms-agenda");
        assertThat(GridKt._size(agenda)).isPositive();
        assertThat(GridKt._get(agenda, 0).title()).isIn("Stand-up", "Weekly status");
        Grid<Communications.SeriesView> plan = grid("comms-plan");
        assertThat(GridKt._size(plan)).isEqualTo(3);

        int weekly = java.util.stream.IntStream.range(0, GridKt._size(plan)).filter(i -> GridKt._get(plan, i).title().equals("Weekly status"))
                .findFirst().orElseThrow();
        _click((Button) GridKt._getCellComponent(plan, weekly, "edit"));
        SeriesEditor editor = _get(SeriesEditor.class);
        editor.timing.setValue(editor.timing.value().withTime(LocalTime.of(10, 0)));
        _click(_get(Button.class, spec -> spec.withText("Preview dates")));
        assertThat(_find(editor.previewDates, Div.class)).isNotEmpty();
        _click(_get(Button.class, spec -> spec.withText("Save and re-plan")));

        assertThat(first("Weekly status").dueAt().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(grid("comms-log")).satisfies(log -> assertThat(GridKt._size(log)).isZero());
    }

    @Test
    void furtherAheadTheAgendaShowsThePlannedDatesWithNothingToOpenYet() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        _click(_get(Button.class, spec -> spec.withText("Later →")));
        Grid<OccurrenceRow> agenda = grid("comms-agenda");
        java.util.List<com.vaadin.flow.component.Component> titles = java.util.stream.IntStream.range(0, GridKt._size(agenda))
                .mapToObj(i -> GridKt._getCellComponent(agenda, i, "communication")).toList();
        // Weeks 7 to 12 of the plan: the first two are stored (eight weeks ahead), the rest only planned.
        assertThat(titles).hasAtLeastOneElementOfType(com.vaadin.flow.router.RouterLink.class);
        assertThat(titles).filteredOn(c -> c.getClassNames().contains("occurrence-ahead")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getElement().getAttribute("title")).contains("opens for drafting 8 weeks before"));
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(agenda)).mapToObj(i -> GridKt._get(agenda, i)))
                .filteredOn(o -> o.id() == null).allMatch(o -> o.status() == app.cadence.comms.domain.OccurrenceStatus.PLANNED);
    }

    @Test
    void theTabFollowsWhatOthersDoLive() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        Grid<OccurrenceRow> agenda = grid("comms-agenda");
        OccurrenceRow weekly = first("Weekly status");
        skipElsewhere(weekly, "Board away");
        awaitScreen(() -> {
            Grid<OccurrenceRow> now = grid("comms-agenda");
            return java.util.stream.IntStream.range(0, GridKt._size(now)).mapToObj(i -> GridKt._get(now, i))
                    .anyMatch(o -> o.id().equals(weekly.id()) && o.status() == OccurrenceStatus.SKIPPED);
        });
        assertThat(agenda).as("the grid drawn when the page opened").isNotNull();
    }

    @Test
    void theOwnerDraftsFromLiveDataAndRecordsAMeetingAsHeld() {
        OccurrenceRow weekly = first("Weekly status");
        login(pm.authentication());
        navigate("communications/" + weekly.id());
        OccurrenceView view = _get(OccurrenceView.class);
        assertThat(view.subject.getValue()).isEqualTo("CRM rollout status");
        assertThat(view.preview.getElement().getProperty("innerHTML")).contains("Status of CRM rollout");
        assertThat(view.preview.getMarkdown()).startsWith("Status of CRM rollout");
        type(view.body, "Status of **CRM rollout**: on track.");
        _click(view.saveDraft);
        assertThat(first("Weekly status").status()).isEqualTo(OccurrenceStatus.DRAFTED);

        OccurrenceRow standUp = first("Stand-up");
        navigate("communications/" + standUp.id());
        OccurrenceView meeting = _get(OccurrenceView.class);
        assertThat(meeting.send.isVisible()).as("a meeting is not sent by Cadence").isFalse();
        _click(meeting.held);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        type(_get(confirm, TextArea.class), "Held; notes on the wiki");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(first("Stand-up").status()).isEqualTo(OccurrenceStatus.SENT);
        assertThat(_find(Paragraph.class, spec -> spec.withText("Note: Held; notes on the wiki"))).hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withLabel("Subject"))).as("read-only once sent").isEmpty();
    }

    /** A link to another project's occurrence in the same tab reuses the view: it follows that project's changes now. */
    @Test
    void anOccurrenceOfAnotherProjectOpenedInTheSameTabFollowsThatProject() {
        Long otherProject = fixtures.project(pm, "CT-" + UUID.randomUUID().toString().substring(0, 4), "ERP rollout");
        Long templateId = fixtures.publishedTemplate(pmo, "Second plan", SampleTemplates.communicationPlan());
        as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(otherProject, templateId, versionId, "Plan",
                    Anchors.plan(start, start.plusWeeks(12).minusDays(1), start.plusWeeks(8))));
        });
        OccurrenceRow other = as(pm, () -> communications.agenda(otherProject, start.atStartOfDay().toInstant(ZoneOffset.UTC),
                start.plusWeeks(14).atStartOfDay().toInstant(ZoneOffset.UTC))).stream()
                .filter(o -> o.title().equals("Weekly status")).findFirst().orElseThrow();
        login(pm.authentication());
        navigate("communications/" + first("Weekly status").id());
        OccurrenceView opened = _get(OccurrenceView.class);

        navigate("communications/" + other.id());
        assertThat(_get(OccurrenceView.class)).isSameAs(opened);
        skipElsewhere(other, "Steering moved");
        awaitScreen(() -> !_find(Paragraph.class, spec -> spec.withText("Skipped: Steering moved")).isEmpty());
    }

    @Test
    void someoneWhoIsNeitherOwnerNorProjectManagerReadsOnly() {
        OccurrenceRow weekly = first("Weekly status");
        login(ana.authentication());
        navigate("communications/" + weekly.id());
        OccurrenceView view = _get(OccurrenceView.class);
        assertThat(view.subject.isReadOnly()).isTrue();
        assertThat(view.send.isVisible()).isFalse();
        assertThat(view.skip.isVisible()).isFalse();
    }

    @Test
    void myWorkListsTheOwnersCommunicationsDueSoon() {
        login(pm.authentication());
        navigate("my-work");
        assertThat(currentView()).isInstanceOf(MyWorkView.class);
        assertThat(_find(Div.class, spec -> spec.withClasses("my-communication"))).isNotEmpty();
    }

    @Test
    void thisWeekListsEveryCommunicationDueAcrossTheOrganisation() {
        login(pmo.authentication());
        navigate("this-week");
        ThisWeekView view = _get(ThisWeekView.class);
        while (GridKt._size(view.grid) == 0 && view.weekStartForTests().isBefore(start.plusWeeks(1))) {
            _click(_get(Button.class, spec -> spec.withText("Next week →")));
        }
        assertThat(GridKt._size(view.grid)).isPositive();
        assertThat(GridKt._get(view.grid, 0).projectName()).isEqualTo("CRM rollout");
    }

    @Test
    void theCalendarTakesAHolidayAndRefusesABadFileNamingItsLine() {
        login(pmo.authentication());
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        LocalDate friday = start.plusDays(4);
        type(view.day, friday);
        type(view.name, "Company day");
        _click(view.add);
        assertThat(GridKt._size(view.holidays)).isEqualTo(1);
        assertThat(first("Weekly status").dueOn()).as("moved to the working day before").isEqualTo(friday.minusDays(1));

        view.previewImport("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027XX01\nSUMMARY:Broken\nEND:VEVENT\nEND:VCALENDAR\n");
        assertThat(view.importProblem.isVisible()).isTrue();
        assertThat(view.importProblem.getText()).startsWith("Nothing was imported.").contains("Line 3");
    }

    @Test
    void anotherTenantsCommunicationIsNotFound() {
        OccurrenceRow weekly = first("Weekly status");
        Tenant other = fixtures.tenant("Elsewhere");
        login(fixtures.member(other, Role.ADMIN).authentication());
        navigate("communications/" + weekly.id());
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }
}
