package app.cadence.reporting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.reporting.service.ReportRow;
import app.cadence.reporting.service.StatusReports;
import app.cadence.shared.ui.MarkdownView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project page's Status reports section and a report's own page, as a PM, a viewer and a stranger see them. */
class StatusReportsSectionTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired StatusReports reports;

    Tenant tenant;
    Member pm;
    Member viewer;
    Long projectId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Report page");
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        projectId = fixtures.project(pm, "RPT-" + UUID.randomUUID().toString().substring(0, 4), "Report page project");
    }

    @SuppressWarnings("unchecked")
    /** The project page opens on its first tab (Communications); the reports are on theirs. */
    static void showStatusReportsTab() {
        com.vaadin.flow.component.tabs.TabSheet sheet = _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withClasses("project-tabs"));
        sheet.setSelectedTab(com.github.mvysny.kaributesting.v10.LocatorJ._find(sheet, com.vaadin.flow.component.tabs.Tab.class).stream()
                .filter(tab -> "Status reports".equals(tab.getLabel())).findFirst().orElseThrow());
    }

    Grid<ReportRow> history() {
        return _get(Grid.class, spec -> spec.withClasses("report-history"));
    }

    @Test
    void aProjectManagerDraftsPreviewsAndPublishesAReport() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        showStatusReportsTab();
        assertThat(_get(Span.class, spec -> spec.withClasses("report-history-empty")).getText()).isEqualTo("No status report published yet.");
        assertThat(_find(Grid.class, spec -> spec.withClasses("report-history"))).as("no history shown while empty").isEmpty();

        _click(_get(Button.class, spec -> spec.withClasses("start-draft")));
        TextArea narrative = _get(TextArea.class, spec -> spec.withClasses("report-narrative"));
        type(narrative, "**Wave 1** is live.\n\n- Training done");
        MarkdownView preview = _get(MarkdownView.class, spec -> spec.withClasses("narrative-preview"));
        assertThat(preview.getMarkdown()).isEqualTo("**Wave 1** is live.\n\n- Training done");
        assertThat(preview.getElement().getProperty("innerHTML")).contains("<strong>Wave 1</strong>").contains("<li>Training done</li>");
        _click(_get(Button.class, spec -> spec.withClasses("save-narrative")));
        assertThat(_get(MarkdownView.class, spec -> spec.withClasses("report-preview")).getMarkdown())
                .contains("**Wave 1** is live.").contains("## Blocked items").contains("Report page project");

        _click(_get(Button.class, spec -> spec.withClasses("publish-report")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_find(TextArea.class, spec -> spec.withClasses("report-narrative"))).isEmpty();
        assertThat(history().isVisible()).isTrue();
        assertThat(GridKt._size(history())).isEqualTo(1);
        ReportRow row = GridKt._get(history(), 0);
        assertThat(row.publishedBy()).isEqualTo(pm.name());
        assertThat(GridKt._getFormattedRow(history(), 0)).contains(pm.name());

        navigate("status-reports/" + row.id());
        assertThat(currentView()).isInstanceOf(StatusReportView.class);
        assertThat(_get(MarkdownView.class, spec -> spec.withClasses("report-body")).getMarkdown()).contains("**Wave 1** is live.");
        assertThat(_get(Span.class, spec -> spec.withClasses("report-state")).getText()).contains("Read-only");
        assertThat(_get(Anchor.class, spec -> spec.withClasses("report-pdf")).getText()).isEqualTo("Download PDF");
    }

    @Test
    void aViewerReadsTheHistoryAndThePreviewButWritesNothing() {
        Long id = scope.call(pm.userId(), pm.tenantId(), () -> {
            var draft = reports.startDraft(projectId);
            reports.saveNarrative(draft.id(), "All good.", draft.version());
            var saved = reports.openDraft(projectId).orElseThrow();
            return reports.publish(saved.id(), saved.version()).id();
        });
        login(viewer.authentication());
        navigate("projects/" + projectId);
        showStatusReportsTab();
        assertThat(_find(Button.class, spec -> spec.withClasses("start-draft"))).isEmpty();
        assertThat(GridKt._size(history())).isEqualTo(1);
        assertThat(GridKt._get(history(), 0).id()).isEqualTo(id);
        _click(_get(Button.class, spec -> spec.withClasses("show-preview")));
        assertThat(_get(MarkdownView.class, spec -> spec.withClasses("report-preview")).getMarkdown()).contains("## Milestones in the next 30 days");
    }

    /** Another person's request: another thread, no UI of this test's session. */
    <T> T elsewhere(Member member, java.util.function.Supplier<T> action) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            com.vaadin.flow.internal.CurrentInstance.clearAll();
            return scope.call(member.userId(), member.tenantId(), action);
        }).join();
    }

    /** Runs what was pushed to this UI and answers its scripts, as a browser would, until the screen shows it. */
    static void awaitScreen(java.util.function.BooleanSupplier shows) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInSameThread()
                .pollInterval(java.time.Duration.ofMillis(10)).until(() -> {
                    com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();
                    com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                            .filter(call -> call.isSubscribed()).forEach(call -> call.complete(tools.jackson.databind.node.IntNode.valueOf(0)));
                    return shows.getAsBoolean();
                });
    }

    @Test
    void aReportPublishedElsewhereAppearsOnAnOpenPageAndUnsavedTypingStays() {
        Member pmo = fixtures.member(tenant, Role.PMO);
        login(pm.authentication());
        navigate("projects/" + projectId);
        showStatusReportsTab();
        assertThat(_find(Grid.class, spec -> spec.withClasses("report-history"))).isEmpty();

        var draft = elsewhere(pmo, () -> reports.startDraft(projectId));
        awaitScreen(() -> !_find(TextArea.class, spec -> spec.withClasses("report-narrative")).isEmpty());
        type(_get(TextArea.class, spec -> spec.withClasses("report-narrative")), "My own words");

        elsewhere(pmo, () -> reports.publish(draft.id(), draft.version()));
        awaitScreen(() -> !_find(Grid.class, spec -> spec.withClasses("report-history")).isEmpty());
        assertThat(GridKt._size(history())).isEqualTo(1);
        assertThat(_get(TextArea.class, spec -> spec.withClasses("report-narrative")).getValue()).isEqualTo("My own words");
        assertThat(_get(Span.class, spec -> spec.withClasses("report-changed-elsewhere")).getText()).contains("Someone else changed this report");
    }

    @Test
    void anotherOrganisationsReportIsNotFound() {
        Long id = scope.call(pm.userId(), pm.tenantId(), () -> {
            var draft = reports.startDraft(projectId);
            return reports.publish(draft.id(), draft.version()).id();
        });
        login(fixtures.member(fixtures.tenant("Report stranger"), Role.ADMIN).authentication());
        navigate("status-reports/" + id);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }
}
