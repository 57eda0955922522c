package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.SheetRows;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.SpreadsheetImport;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.template.service.TemplateTransfer.ExportFile;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A template version as XLSX, read back with POI: the column layout the spreadsheet import reads
 * (the contract between the two, docs/template-format.md), for each kind; cells that would start
 * a formula stay text; who may have the file, and that another tenant's template is not found.
 */
@IntegrationTest
class TemplateSpreadsheetExportTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary library;
    @Autowired TemplateTransfer transfer;
    @Autowired SpreadsheetImport spreadsheets;

    Member pmo;
    Member viewer;
    Member otherPmo;

    @BeforeEach
    void setUp() {
        Fixtures.Tenant tenant = fixtures.tenant("Sheets");
        pmo = fixtures.member(tenant, Role.PMO);
        viewer = fixtures.member(tenant, Role.VIEWER);
        otherPmo = fixtures.member(fixtures.tenant("Elsewhere"), Role.PMO);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    Long latestVersion(Member member, Long templateId) {
        return as(member, () -> library.details(templateId)).versions().getFirst().id();
    }

    static List<List<String>> rows(XSSFSheet sheet) {
        return SheetRows.of(sheet);
    }

    @Test
    void aRunbookIsOneRowPerStepInTheImportsColumnsWithPredecessorsByRowId() throws Exception {
        UUID freeze = UUID.randomUUID();
        UUID backup = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        UUID restore = UUID.randomUUID();
        TemplateContent content = new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Before the weekend", SectionRole.PREPARATION, List.of(
                        new CutoverStep(freeze, "Freeze changes", "No deployments from here on", StepType.TASK, -2 * 1440 - 240, 30, "Release manager",
                                List.of(), null, null, false),
                        new CutoverStep(backup, "=HYPERLINK(\"http://x\")", "@SUM(1)", StepType.MILESTONE, -90, 90, "DBA", List.of(freeze), null, null, true))),
                new TemplateSection(UUID.randomUUID(), "Cutover", SectionRole.EXECUTION, List.of(
                        new CutoverStep(migrate, "Migrate data", null, StepType.GO_NO_GO, 0, 0, null, List.of(backup, freeze), null, null, false))),
                new TemplateSection(UUID.randomUUID(), "Extra", null, List.of(
                        new CutoverStep(restore, "Restore", "Only if needed", StepType.COMMUNICATION, 30, 60, "DBA", List.of(migrate),
                                "Data does not reconcile", "Restore last night's backup\nthen tell the users", false)))), null);
        Long template = fixtures.publishedTemplate(pmo, "Weekend runbook", content);

        ExportFile file = as(viewer, () -> transfer.exportSpreadsheet(template, latestVersion(viewer, template)));

        assertThat(file.fileName()).matches("weekend-runbook-.*-v1\\.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Items");
            XSSFSheet items = workbook.getSheetAt(0);
            List<List<String>> rows = rows(items);
            assertThat(rows.getFirst()).containsExactly("ID", "Section", "Phase", "Title", "Type", "Start", "Duration", "Owner role",
                    "Predecessors", "Evidence required", "Description", "Rollback trigger", "Rollback instructions");
            assertThat(rows.subList(1, rows.size())).containsExactly(
                    List.of("1", "Before the weekend", "Preparation", "Freeze changes", "Task", "-2d 4h", "30m", "Release manager", "", "No",
                            "No deployments from here on", "", ""),
                    List.of("2", "Before the weekend", "Preparation", "=HYPERLINK(\"http://x\")", "Milestone", "-1h 30m", "1h 30m", "DBA", "1", "Yes",
                            "@SUM(1)", "", ""),
                    List.of("3", "Cutover", "Execution", "Migrate data", "Go/no-go checkpoint", "0m", "0m", "", "2, 1", "No", "", "", ""),
                    List.of("4", "Extra", "", "Restore", "Communication", "+30m", "1h", "DBA", "3", "No", "Only if needed",
                            "Data does not reconcile", "Restore last night's backup\nthen tell the users"));
            Row second = items.getRow(2);
            assertThat(second.getCell(0).getCellType()).as("IDs are numbers").isEqualTo(CellType.NUMERIC);
            assertThat(second.getCell(3).getCellType()).as("never a formula").isEqualTo(CellType.STRING);
            assertThat(second.getCell(3).getCellStyle().getQuotePrefixed()).as("stays text when edited").isTrue();
            assertThat(second.getCell(5).getCellStyle().getQuotePrefixed()).as("a T-minus start is not a subtraction").isTrue();
            assertThat(second.getCell(10).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(second.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(workbook.getSheetName(1)).isEqualTo("About");
            assertThat(rows(workbook.getSheetAt(1))).extracting(r -> r.get(0) + ": " + r.get(1))
                    .contains("Template: " + as(pmo, () -> library.details(template)).name(), "Version: 1", "Kind: Cutover runbook", "Items: 4");
        }
    }

    @Test
    void aCommunicationPlanAndARetrospectiveHaveTheirOwnColumns() throws Exception {
        Long plan = fixtures.publishedTemplate(pmo, "Comms", SampleTemplates.communicationPlan());
        Long retro = fixtures.publishedTemplate(pmo, "Retro", SampleTemplates.retrospective());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                as(pmo, () -> transfer.exportSpreadsheet(plan, latestVersion(pmo, plan))).bytes()))) {
            List<List<String>> rows = rows(workbook.getSheet("Items"));
            assertThat(rows).containsExactly(
                    List.of("ID", "Section", "Title", "Audience", "Purpose", "Artefact", "Channel", "Cadence", "Owner role", "Anchor", "Offset (days)"),
                    List.of("1", "All", "Weekly status", "Board", "", "", "Email", "Weekly", "Project manager", "Plan start", "0"),
                    List.of("2", "All", "Stand-up", "Team", "", "", "Meeting", "Daily", "", "Plan start", "0"),
                    List.of("3", "All", "Go-live notice", "All users", "", "", "Email", "Once", "", "Go-live", "-5"));
            assertThat(workbook.getSheet("Items").getRow(3).getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                as(pmo, () -> transfer.exportSpreadsheet(retro, latestVersion(pmo, retro))).bytes()))) {
            assertThat(rows(workbook.getSheet("Items"))).containsExactly(
                    List.of("ID", "Section", "Title", "Prompt", "Rating"),
                    List.of("1", "Check-in", "How was the sprint?", "From 1 to 5", "Yes"),
                    List.of("2", "Board", "Went well", "What should we keep?", "No"),
                    List.of("3", "Board", "To improve", "What held us back?", "No"),
                    List.of("4", "Board", "Try next", "One thing to try next sprint", "No"));
            assertThat(rows(workbook.getSheet("About"))).extracting(r -> r.get(0) + ": " + r.get(1))
                    .contains("Format: Sprint retrospective", "Votes per person: 3", "Cards anonymous by default: Yes");
        }
    }

    /**
     * The contract with the spreadsheet import (issue C10): what this export writes, the import reads
     * back into the same sections, titles, kinds, order, fields and predecessor links (new keys). The
     * runbook has what a spreadsheet could spoil: T-minus starts, a title that looks like a formula,
     * text over several lines, a step waiting for two others in reverse order, an empty phase.
     */
    @Test
    void anExportedVersionImportsBackWithTheSameContent() throws Exception {
        UUID freeze = UUID.randomUUID();
        UUID backup = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        TemplateContent tricky = new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Before", SectionRole.PREPARATION, List.of(
                        new CutoverStep(freeze, "=SUM(1;2) freeze", "Line one\nline two", StepType.TASK, -2 * 1440 - 240, 30, "Release manager",
                                List.of(), null, null, false),
                        new CutoverStep(backup, "+ Backup", "@ the DBA", StepType.MILESTONE, -90, 90, "DBA", List.of(freeze), "-1 rows", null, true))),
                new TemplateSection(UUID.randomUUID(), "Cutover weekend", null, List.of(
                        new CutoverStep(migrate, "Migrate", null, StepType.GO_NO_GO, 0, 0, null, List.of(backup, freeze), null, "Restore\nand tell", false)))),
                null);
        for (TemplateContent original : List.of(tricky, SampleTemplates.goLiveRunbook(), SampleTemplates.hypercareRunbook(),
                SampleTemplates.communicationPlan(), SampleTemplates.retrospective())) {
            Long template = fixtures.publishedTemplate(pmo, "Round trip", original);
            byte[] xlsx = as(pmo, () -> transfer.exportSpreadsheet(template, latestVersion(pmo, template))).bytes();
            List<List<String>> layout = SpreadsheetSamples.exportLayout(original);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(rows(workbook.getSheet("Items"))).as("the layout the import expects").isEqualTo(layout);
            }

            Long copy = as(pmo, () -> spreadsheets.importFile(original.kind(), "Imported " + UUID.randomUUID(), "export.xlsx", xlsx, null))
                    .templateId();

            TemplateContent imported = as(pmo, () -> library.draft(copy)).orElseThrow().content();
            assertThat(SpreadsheetSamples.exportLayout(imported)).as(original.kind() + " back from the spreadsheet").isEqualTo(layout);
            assertThat(imported.sections()).extracting(TemplateSection::title, TemplateSection::role)
                    .containsExactlyElementsOf(original.sections().stream().map(sec -> org.assertj.core.groups.Tuple.tuple(sec.title(), sec.role())).toList());
        }
    }

    @Test
    void theLargestTemplateExportsWhole() throws Exception {
        Long imported = as(pmo, () -> transfer.importFile(SampleTemplates.longRunbookFile(2_000).getBytes(StandardCharsets.UTF_8)).templateId());
        ExportFile file = as(pmo, () -> transfer.exportSpreadsheet(imported, latestVersion(pmo, imported)));
        assertThat(file.fileName()).endsWith("-draft.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            XSSFSheet items = workbook.getSheet("Items");
            assertThat(items.getLastRowNum()).isEqualTo(2_000);
            assertThat(items.getRow(2_000).getCell(3).getStringCellValue()).isEqualTo("Step 2000");
            assertThat(items.getRow(2_000).getCell(8).getStringCellValue()).isEqualTo("1999");
        }
    }

    @Test
    void aDraftIsTheAuthorsAndAnotherTenantsTemplateIsNotFound() {
        Long template = fixtures.publishedTemplate(pmo, "Guarded", SampleTemplates.runbook());
        Long published = latestVersion(pmo, template);
        Long draft = as(pmo, () -> {
            library.startDraft(template);
            return library.details(template).versions().stream().filter(v -> v.number() == null).findFirst().orElseThrow().id();
        });

        assertThat(as(pmo, () -> transfer.exportSpreadsheet(template, draft)).fileName()).endsWith("-draft.xlsx");
        assertThatThrownBy(() -> as(viewer, () -> transfer.exportSpreadsheet(template, draft))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(otherPmo, () -> transfer.exportSpreadsheet(template, published))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(otherPmo, () -> transfer.export(template, published))).isInstanceOf(RecordNotFoundException.class);
    }
}
