package app.cadence.template;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.template.ui.TemplateView;
import app.cadence.template.ui.TemplatesView;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

class TemplateViewsTest extends KaribuTest {

    @Autowired StarterLibrary starter;
    @Autowired TemplateLibrary library;
    @Autowired TenantScope scope;
    @Autowired TemplateTransfer transfer;

    Tenant tenant;
    Member pmo;
    Member pm;

    @BeforeEach
    void tenantWithStarterLibrary() {
        tenant = fixtures.tenant("Templates");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        starter.installInto(tenant.id());
    }

    @Test
    void theLibraryListsAndFiltersTheTenantsTemplates() {
        login(pm.authentication());
        navigate("templates");
        assertThat(currentView()).isInstanceOf(TemplatesView.class);
        @SuppressWarnings("unchecked")
        Grid<TemplateRow> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(8);
        assertThat(_find(Button.class, spec -> spec.withText("New template"))).isEmpty();

        @SuppressWarnings("unchecked")
        Select<TemplateKind> kind = _get(Select.class, spec -> spec.withId("template-kind-filter"));
        type(kind, TemplateKind.CUTOVER);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        type(_get(TextField.class, spec -> spec.withPlaceholder("Search templates")), "cloud");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).name()).isEqualTo("Cloud migration cutover");
    }

    @Test
    void aRunbookShowsItsPhasesAndTMinusTimes() {
        login(pm.authentication());
        Long erp = idOf("ERP go-live cutover runbook");
        navigate("templates/" + erp);

        assertThat(currentView()).isInstanceOf(TemplateView.class);
        TreeGrid<?> grid = _get(TreeGrid.class);
        List<String> firstColumn = IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row).getFirst()).toList();
        // Sections are the group rows of one grid, each with its item count.
        assertThat(firstColumn.stream().filter(text -> text.matches(".* · [0-9,]+ items?")).map(text -> text.replaceAll(" · [0-9,]+ items?$", "")))
                .containsExactly("Preparation", "Execution", "Validation", "Rollback", "Hypercare");
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row).get(1)))
                .anyMatch(planned -> planned.startsWith("T−"));
        assertThat(_find(Button.class, spec -> spec.withText("Publish draft…"))).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withText("Export version 1 as JSON")).getHref()).isNotBlank();
    }

    @Test
    void aPmoCreatesATemplateAndPublishesItsDraftWithANote() {
        login(pmo.authentication());
        navigate("templates");
        assertThat(_find(Button.class, spec -> spec.withText("Import…"))).hasSize(1);
        _click(_get(Button.class, spec -> spec.withText("New template")));
        type(_get(TextField.class, spec -> spec.withLabel("Name")), "Data centre move runbook");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(currentView()).isInstanceOf(TemplateView.class);

        Long id = idOf("Data centre move runbook");
        _click(_get(Button.class, spec -> spec.withText("Publish draft…")));
        _click(_get(Button.class, spec -> spec.withText("Publish")));
        TextArea note = _get(TextArea.class, spec -> spec.withLabel("What changed in this version?"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Describe what changed in this version, so that project teams know.");
        type(note, "First version");
        _click(_get(Button.class, spec -> spec.withText("Publish")));
        // An empty runbook cannot be published: the dialog stays, nothing is published.
        assertThat(_find(Dialog.class)).isNotEmpty();
        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> library.details(id)).versions())
                .singleElement().satisfies(v -> assertThat(v.number()).isNull());
    }

    @Test
    void aReaderComparesTwoPublishedVersions() {
        Long erp = idOf("ERP go-live cutover runbook");
        scope.call(pmo.userId(), pmo.tenantId(), () -> {
            library.startDraft(erp);
            var draft = library.details(erp).versions().getFirst();
            var content = library.version(erp, draft.id()).content();
            var first = content.sections().getFirst();
            var renamed = new app.cadence.template.domain.TemplateSection(first.key(), first.title(), first.role(),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(rename((app.cadence.template.domain.CutoverStep) first.items().getFirst(),
                            "Confirm cutover team and bridge line")), first.items().stream().skip(1)).toList());
            var sections = new java.util.ArrayList<>(content.sections());
            sections.set(0, renamed);
            library.saveDraft(erp, draft.version(), new app.cadence.template.domain.TemplateContent(content.kind(), sections, null));
            return library.publish(erp, "Shorter first step");
        });
        login(pm.authentication());
        navigate("templates/" + erp);

        _click(_get(Button.class, spec -> spec.withText("Compare versions…")));

        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("comparison-entry")))
                .extracting(d -> d.getElement().getTextRecursively())
                .containsExactly("Changed Confirm cutover team and bridge line (Preparation)");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("comparison-field")))
                .extracting(d -> d.getElement().getTextRecursively())
                .containsExactly("Title: “Confirm cutover team, contact list and bridge line” → “Confirm cutover team and bridge line”");
    }

    private static app.cadence.template.domain.CutoverStep rename(app.cadence.template.domain.CutoverStep s, String title) {
        return new app.cadence.template.domain.CutoverStep(s.key(), title, s.description(), s.type(), s.offsetMinutes(),
                s.durationMinutes(), s.ownerRole(), s.predecessors(), s.rollbackTrigger(), s.rollbackInstructions(), s.evidenceRequired());
    }

    @Test
    void anImportWithOverlappingStepsListsTheWarningsAndOffersTheDesigner() {
        String freeze = java.util.UUID.randomUUID().toString();
        String file = """
                {"format":"cadence-template","formatVersion":1,"name":"Overlapping import","kind":"CUTOVER",
                 "sections":[{"key":"%s","title":"Run","role":"EXECUTION","items":[
                   {"key":"%s","title":"Freeze changes","type":"TASK","offset":"-2h","duration":"30m"},
                   {"key":"%s","title":"Start data migration","type":"TASK","offset":"-2h","duration":"1h","predecessors":["%s"]}]}]}"""
                .formatted(java.util.UUID.randomUUID(), freeze, java.util.UUID.randomUUID(), freeze);
        login(pmo.authentication());
        navigate("templates");
        _click(_get(Button.class, spec -> spec.withText("Import…")));
        upload("overlap.json", file);

        // Imported, not refused: the dialog now lists what to check and offers the designer.
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Imported: check the timings");
        assertThat(_find(dialog, ListItem.class)).extracting(ListItem::getText).containsExactly(
                "“Start data migration” is planned to start at T−2h, before its predecessor “Freeze changes” finishes at T−1h 30m.");
        _click(_get(dialog, Button.class, spec -> spec.withText("Open in the designer")));
        assertThat(currentView()).isInstanceOf(app.cadence.template.ui.TemplateDesignerView.class);
        assertThat(_find(ListItem.class)).extracting(ListItem::getText).singleElement().asString().contains("“Start data migration”");
    }

    @Test
    void aCleanImportOpensTheNewTemplate() throws Exception {
        Long erp = idOf("ERP go-live cutover runbook");
        Long version = scope.call(pmo.userId(), pmo.tenantId(), () -> library.details(erp)).versions().getFirst().id();
        byte[] exported = scope.call(pmo.userId(), pmo.tenantId(), () -> transfer.export(erp, version)).bytes();
        login(pmo.authentication());
        navigate("templates");
        _click(_get(Button.class, spec -> spec.withText("Import…")));
        upload("erp.json", new String(exported, StandardCharsets.UTF_8));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(currentView()).isInstanceOf(TemplateView.class);
        assertThat(_find(ListItem.class)).isEmpty();
    }

    private void upload(String fileName, String json) {
        com.vaadin.flow.component.upload.Upload upload = _get(com.vaadin.flow.component.upload.Upload.class);
        com.github.mvysny.kaributesting.v10.UploadKt._upload(upload, fileName, "application/json", json.getBytes(StandardCharsets.UTF_8));
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
    }

    @Test
    void anotherTenantsTemplateIsNotFound() {
        Member foreign = fixtures.member(fixtures.tenant("Elsewhere"), Role.PMO);
        Long erp = idOf("ERP go-live cutover runbook");
        login(foreign.authentication());
        navigate("templates/" + erp);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void aTwoThousandStepTemplateOpensFastOnItsPageAndInTheDesigner() {
        // The largest template the importer takes, in one section: the shape that broke the page (C12, finding 8).
        String file = SampleTemplates.longRunbookFile(TemplateContent.MAX_ITEMS);
        Long id = scope.call(pmo.userId(), pmo.tenantId(), () -> transfer.importFile(file.getBytes(StandardCharsets.UTF_8)).templateId());
        login(pmo.authentication());

        long start = System.nanoTime();
        navigate("templates/" + id);
        TreeGrid<?> grid = _get(TreeGrid.class);
        long page = System.nanoTime() - start;
        assertThat(GridKt._size(grid)).isEqualTo(1 + TemplateContent.MAX_ITEMS);
        // Scrolls inside a fixed height: the browser asks for the rows in view, never all 2,001 at once.
        assertThat(grid.isAllRowsVisible()).isFalse();
        assertThat(GridKt._getFormattedRow(grid, TemplateContent.MAX_ITEMS)).contains("Step 2000", "T+6d 22h 40m", "Step 1999");

        start = System.nanoTime();
        _click(_get(Button.class, spec -> spec.withText("Edit draft")));
        long designer = System.nanoTime() - start;
        assertThat(currentView()).isInstanceOf(app.cadence.template.ui.TemplateDesignerView.class);
        @SuppressWarnings("unchecked")
        List<Grid<?>> grids = (List<Grid<?>>) (List<?>) _find(Grid.class);
        assertThat(grids).allSatisfy(g -> assertThat(g.isAllRowsVisible()).isFalse());
        assertThat(grids).anySatisfy(g -> assertThat(GridKt._size(g)).isEqualTo(TemplateContent.MAX_ITEMS));
        System.out.printf("2,000-step template: page built in %d ms, designer in %d ms (Karibu, server side only)%n",
                page / 1_000_000, designer / 1_000_000);
    }

    private Long idOf(String name) {
        List<TemplateRow> rows = scope.call(pmo.userId(), pmo.tenantId(),
                () -> library.list(new Filter(null, null, name), Sort.unsorted(), 0, 10));
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().id();
    }
}
