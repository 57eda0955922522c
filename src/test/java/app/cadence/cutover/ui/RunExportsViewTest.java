package app.cadence.cutover.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.RehearsedRunbook;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunbookColumn;
import app.cadence.cutover.service.RunbookSpreadsheet;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The run's export links as a reader meets them: the files they offer (followed through the
 * download handler, as the browser would), the print view and the comparison of two runs.
 */
class RunExportsViewTest extends KaribuTest {

    RehearsedRunbook sample;

    @BeforeEach
    void rehearseTwice() {
        sample = RehearsedRunbook.create(context, fixtures);
    }

    private RunExports exportsOf(Long runId) {
        RunExports exports = RunExports.forRun(runId, sample.instanceId, context.getBean(RunReport.class),
                context.getBean(RunbookSpreadsheet.class), context.getBean(RunReading.class));
        UI.getCurrent().add(exports);
        return exports;
    }

    /** Follows a download link: the handler the anchor registered, answering into a response that records what it got. */
    private static Download follow(Anchor link) throws Exception {
        URI href = URI.create(link.getHref());
        StreamResourceRegistry.ElementStreamResource resource = VaadinSession.getCurrent().getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, href).orElseThrow();
        VaadinResponse response = Mockito.mock(VaadinResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Mockito.when(response.getOutputStream()).thenReturn(body);
        DownloadEvent event = new DownloadEvent(Mockito.mock(VaadinRequest.class), response, VaadinSession.getCurrent(), link.getElement());
        ((DownloadHandler) resource.getElementRequestHandler()).handleDownloadRequest(event);
        int[] status = {200};
        String[] type = {""};
        Mockito.mockingDetails(response).getInvocations().forEach(i -> {
            switch (i.getMethod().getName()) {
                case "setStatus" -> status[0] = (Integer) i.getArgument(0);
                case "setContentType" -> type[0] = i.getArgument(0);
                default -> { }
            }
        });
        return new Download(status[0], type[0], body.toByteArray());
    }

    record Download(int status, String contentType, byte[] bytes) {
    }

    @Test
    void aViewerIsOfferedTheReportTheRunbookThePrintViewAndTheOtherRunToCompareWith() throws Exception {
        login(sample.viewer.authentication());
        exportsOf(sample.first);

        Download pdf = follow(_get(Anchor.class, spec -> spec.withText("Run report (PDF)")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Download xlsx = follow(_get(Anchor.class, spec -> spec.withText("Runbook (XLSX)")));
        assertThat(xlsx.bytes()).as("an XLSX is a zip").startsWith(0x50, 0x4b);
        Anchor print = _get(Anchor.class, spec -> spec.withText("Print view"));
        assertThat(print.getHref()).isEqualTo("runs/" + sample.first + "/print");
        assertThat(print.getTarget()).contains("_blank");
        MenuBar compare = _get(MenuBar.class, spec -> spec.withClasses("export-compare"));
        assertThat(compare.getItems().getFirst().getText()).isEqualTo("Compare with…");
        assertThat(compare.getItems().getFirst().getSubMenu().getItems()).extracting(i -> i.getText()).containsExactly("Rehearsal 2");
    }

    @Test
    void aLinkFollowedAfterTheReaderLostAccessAnswersNotFound() throws Exception {
        Member leaving = fixtures.member(sample.tenant, Role.CONTRIBUTOR);
        login(leaving.authentication());
        exportsOf(sample.first);
        Anchor pdf = _get(Anchor.class, spec -> spec.withText("Run report (PDF)"));
        login(fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN).authentication()); // the session now belongs to another organisation
        Download refused = follow(pdf);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.bytes()).isEmpty();
    }

    @Test
    void thePrintViewShowsTheRunsHeaderAndTheSpreadsheetsColumns() {
        login(sample.viewer.authentication());
        navigate("runs/" + sample.first + "/print");
        assertThat(currentView()).isInstanceOf(RunPrintView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Rehearsal 1 · " + sample.projectKey);
        NativeTable table = _get(NativeTable.class, spec -> spec.withClasses("run-print-table"));
        assertThat(table.getHead().getRows().getFirst().getHeaderCells()).extracting(NativeTableHeaderCell::getText)
                .containsExactlyElementsOf(Arrays.stream(RunbookColumn.values()).map(RunbookColumn::header).toList());
        assertThat(table.getBody().getRows()).hasSize(5);
        assertThat(table.getBody().getRows().getFirst().getDataCells()).extracting(c -> c.getText())
                .contains("Freeze changes", "Data lead", "+0:10 late", RehearsedRunbook.FREEZE_EVIDENCE);
        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText()).contains("Rehearsal 1", sample.projectKey);
    }

    @Test
    void anotherOrganisationsRunIsNotFoundInPrintOrComparison() {
        login(fixtures.member(fixtures.tenant("Stranger"), Role.ADMIN).authentication());
        navigate("runs/" + sample.first + "/print");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        navigate("runs/compare?a=" + sample.first + "&b=" + sample.second);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void theComparisonShowsEachStepsDurationsAndVariancesAndRefusesRunsOfDifferentRunbooks() {
        login(sample.pm.authentication());
        navigate("runs/compare?a=" + sample.first + "&b=" + sample.second);
        assertThat(currentView()).isInstanceOf(RunCompareView.class);
        @SuppressWarnings("unchecked")
        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("Migrate data", "0:50", "1:20", "+0:30 longer", "on time", "+0:20 late");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Freeze changes", "1:10", "1:00", "\u22120:10 shorter");

        navigate("runs/compare?a=" + sample.first + "&b=" + sample.first);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("compare-refused")).getText()).contains("two different runs");
        navigate("runs/compare");
        assertThat(_find(Grid.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("compare-refused")).getText()).contains("Compare with…");
    }
}
