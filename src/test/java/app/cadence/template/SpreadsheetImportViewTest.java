package app.cadence.template;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SpreadsheetField;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.template.ui.SpreadsheetImportView;
import app.cadence.template.ui.TemplateView;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SpreadsheetImportViewTest extends KaribuTest {

    @Autowired TemplateLibrary library;
    @Autowired TenantScope scope;

    Tenant tenant;
    Member pmo;

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenant("Sheet screens");
        pmo = fixtures.member(tenant, Role.PMO);
    }

    @Test
    void theLibraryLeadsAuthorsToTheImportAndNobodyElse() {
        login(fixtures.member(tenant, Role.PM).authentication());
        navigate("templates");
        assertThat(_find(Button.class, spec -> spec.withText("From Excel or CSV…"))).isEmpty();

        signInAgain(pmo.authentication());
        navigate("templates");
        _click(_get(Button.class, spec -> spec.withText("From Excel or CSV…")));
        assertThat(currentView()).isInstanceOf(SpreadsheetImportView.class);
        assertThat(_find(Grid.class, spec -> spec.withId("import-preview"))).as("nothing to preview before a file").isEmpty();
    }

    @Test
    void anExportLayoutWorkbookIsMappedPreviewedAndImportedAndTheUserLandsOnIt() {
        login(pmo.authentication());
        navigate("templates/import-spreadsheet");
        upload("ERP cutover.xlsx", SpreadsheetSamples.xlsx(SpreadsheetImportTest.RUNBOOK));

        assertThat(_get(TextField.class, spec -> spec.withId("import-name")).getValue()).as("named after the file").isEqualTo("ERP cutover");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-file-summary")).getText())
                .isEqualTo("Read “ERP cutover.xlsx”: 4 rows under a header of 13 columns. To read another file, upload it above.");
        assertThat(mappings()).extracting(Select::getLabel).startsWith("A · ID", "B · Section", "C · Phase", "D · Title");
        assertThat(mappings()).extracting(Select::getValue).containsExactly(SpreadsheetField.ID, SpreadsheetField.SECTION, SpreadsheetField.PHASE,
                SpreadsheetField.TITLE, SpreadsheetField.TYPE, SpreadsheetField.START, SpreadsheetField.DURATION, SpreadsheetField.OWNER_ROLE,
                SpreadsheetField.PREDECESSORS, SpreadsheetField.EVIDENCE_REQUIRED, SpreadsheetField.DESCRIPTION, SpreadsheetField.ROLLBACK_TRIGGER,
                SpreadsheetField.ROLLBACK_INSTRUCTIONS);
        Grid<?> preview = _get(Grid.class, spec -> spec.withId("import-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(4);
        assertThat(GridKt._getFormattedRow(preview, 2)).containsSubsequence("4", "Go-live · Execution", "Go/no-go", "Go/no-go checkpoint", "T−30m",
                "30m", "Steering", "row 2, row 3", "Yes");
        assertThat(_get(Paragraph.class, spec -> spec.withText("4 items in 2 sections, ready to import as a new draft."))).isNotNull();

        _click(_get(Button.class, spec -> spec.withText("Import")));

        assertThat(currentView()).isInstanceOf(TemplateView.class);
        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> library.count(Filter.all()))).isEqualTo(1);
    }

    @Test
    void aColumnTheHeadersDoNotNameIsMappedByHandAndIgnoredColumnsAreLeftOut() {
        login(pmo.authentication());
        navigate("templates/import-spreadsheet");
        upload("plan.csv", SpreadsheetSamples.csv(List.of(List.of("Activité", "Owner", "Notes"), List.of("Geler les changements", "DBA", "x")), ','));

        assertThat(problems()).containsExactly("No column is mapped to Title: choose the column that holds the items' titles.");
        assertThat(_get(Button.class, spec -> spec.withText("Import")).isEnabled()).isFalse();

        type(mappings().getFirst(), SpreadsheetField.TITLE);
        type(mappings().get(1), null);

        assertThat(_find(UnorderedList.class, spec -> spec.withId("import-problems"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withText("Import")).isEnabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Import")));
        Long id = scope.call(pmo.userId(), pmo.tenantId(), () -> library.list(Filter.all(), org.springframework.data.domain.Sort.unsorted(), 0, 5))
                .getFirst().id();
        CutoverStep step = (CutoverStep) scope.call(pmo.userId(), pmo.tenantId(), () -> library.draft(id)).orElseThrow().content().items()
                .findFirst().orElseThrow();
        assertThat(step.title()).isEqualTo("Geler les changements");
        assertThat(step.ownerRole()).as("the ignored column").isNull();
    }

    @Test
    void problemsAreListedByRowAndColumnAndDateTimesWaitForTheT0() {
        login(pmo.authentication());
        navigate("templates/import-spreadsheet");
        upload("dated.csv", SpreadsheetSamples.csv(List.of(List.of("Title", "Start", "Duration"),
                List.of("Freeze", "2026-06-01 18:00", "1h"), List.of("Migrate", "2026-06-01 19:00", "an hour")), ','));

        assertThat(problems()).containsExactly(
                "Row 2, column Start: “2026-06-01 18:00” is a date and time. Give the T0 (the switch-over moment) on this screen so that Cadence "
                        + "can count from it, or write the start relative to T0, e.g. -2d 4h.",
                "Row 3, column Start: “2026-06-01 19:00” is a date and time. Give the T0 (the switch-over moment) on this screen so that Cadence "
                        + "can count from it, or write the start relative to T0, e.g. -2d 4h.",
                "Row 3, column Duration: “an hour” is not a time. Use days, hours and minutes, e.g. -2d 4h, +30m or 1h 30m.");
        assertThat(_get(Button.class, spec -> spec.withText("Import")).isEnabled()).isFalse();

        type(_get(DateTimePicker.class, spec -> spec.withId("import-t0")), LocalDateTime.of(2026, 6, 1, 20, 0));

        assertThat(problems()).containsExactly("Row 3, column Duration: “an hour” is not a time. Use days, hours and minutes, e.g. -2d 4h, +30m or 1h 30m.");
        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> library.count(Filter.all()))).isZero();
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedAndTheKindChangesTheFieldsOffered() {
        login(pmo.authentication());
        navigate("templates/import-spreadsheet");
        upload("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-problem")).getText())
                .isEqualTo("“photo.png” is not a spreadsheet Cadence reads. Choose an Excel workbook (.xlsx) or a CSV file.");

        upload("comms.xlsx", SpreadsheetSamples.xlsx(SpreadsheetImportTest.COMMS));
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("import-problem"))).isEmpty();
        assertThat(mappings().get(3).getLabel()).isEqualTo("D · Audience");
        assertThat(mappings().get(3).getValue()).as("read as a runbook: a runbook has no audience").isNull();
        @SuppressWarnings("unchecked")
        Select<TemplateKind> kind = _get(Select.class, spec -> spec.withId("import-kind"));
        type(kind, TemplateKind.COMMUNICATION_PLAN);

        assertThat(mappings().get(3).getValue()).isEqualTo(SpreadsheetField.AUDIENCE);
        assertThat(_find(DateTimePicker.class, spec -> spec.withId("import-t0"))).isEmpty();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("import-preview")))).isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    private List<Select<SpreadsheetField>> mappings() {
        return _find(Select.class, spec -> spec.withClasses("column-mapping")).stream().map(s -> (Select<SpreadsheetField>) s).toList();
    }

    private List<String> problems() {
        UnorderedList list = _get(UnorderedList.class, spec -> spec.withId("import-problems"));
        return list.getChildren().map(c -> ((ListItem) c).getText()).toList();
    }

    private void upload(String fileName, byte[] bytes) {
        UploadKt._upload(_get(Upload.class), fileName, "application/octet-stream", bytes);
        MockVaadin.clientRoundtrip(false);
    }
}
