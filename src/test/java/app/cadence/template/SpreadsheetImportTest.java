package app.cadence.template;

import static app.cadence.template.SpreadsheetSamples.COMMS_HEADERS;
import static app.cadence.template.SpreadsheetSamples.RETRO_HEADERS;
import static app.cadence.template.SpreadsheetSamples.RUNBOOK_HEADERS;
import static app.cadence.template.SpreadsheetSamples.csv;
import static app.cadence.template.SpreadsheetSamples.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.UploadLimits;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.PlanAnchor;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.SpreadsheetField;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.SpreadsheetImport;
import app.cadence.template.service.SpreadsheetTable;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class SpreadsheetImportTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary library;
    @Autowired SpreadsheetImport spreadsheets;
    @Autowired StarterLibrary starter;
    @Autowired UploadLimits uploadLimits;

    Member pmo;

    @BeforeEach
    void setUp() {
        Fixtures.Tenant tenant = fixtures.tenant("Sheets");
        pmo = fixtures.member(tenant, Role.PMO);
        starter.installInto(tenant.id());
    }

    static final List<List<String>> RUNBOOK = List.of(
            RUNBOOK_HEADERS,
            List.of("1", "Preparation", "Preparation", "Freeze changes", "Task", "-2d", "1h", "Release manager", "", "No", "No more releases.", "", ""),
            List.of("2", "Preparation", "", "Back up the database", "", "-1d 4h", "2h 30m", "DBA", "1", "Yes", "", "Backup fails", "Restore"),
            List.of("3", "Go-live", "Execution", "Go/no-go", "Go/no-go checkpoint", "-30m", "30m", "Steering", "1, 2", "x", "", "", ""),
            List.of("4", "Go-live", "Execution", "Switch over", "Milestone", "0m", "0m", "", "3", "", "", "", ""));

    @Test
    void aRunbookInTheExportLayoutImportsFromXlsxAsANewDraft() {
        Long id = as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "Cutover from Excel", "cutover.xlsx", xlsx(RUNBOOK), null)).templateId();

        var details = as(() -> library.details(id));
        assertThat(details.name()).isEqualTo("Cutover from Excel");
        assertThat(details.kind()).isEqualTo(TemplateKind.CUTOVER);
        assertThat(details.versions()).singleElement().satisfies(v -> assertThat(v.number()).as("a draft, as the JSON import makes").isNull());
        TemplateContent content = as(() -> library.draft(id)).orElseThrow().content();
        assertThat(content.sections()).extracting(TemplateSection::title, TemplateSection::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Preparation", SectionRole.PREPARATION),
                        org.assertj.core.groups.Tuple.tuple("Go-live", SectionRole.EXECUTION));
        List<CutoverStep> steps = content.items().map(CutoverStep.class::cast).toList();
        assertThat(steps).extracting(CutoverStep::title).containsExactly("Freeze changes", "Back up the database", "Go/no-go", "Switch over");
        assertThat(steps).extracting(CutoverStep::type).containsExactly(StepType.TASK, StepType.TASK, StepType.GO_NO_GO, StepType.MILESTONE);
        assertThat(steps).extracting(CutoverStep::offsetMinutes).containsExactly(-2 * 1440, -1440 - 240, -30, 0);
        assertThat(steps).extracting(CutoverStep::durationMinutes).containsExactly(60, 150, 30, 0);
        assertThat(steps).extracting(CutoverStep::evidenceRequired).containsExactly(false, true, true, false);
        assertThat(steps.get(1).rollbackTrigger()).isEqualTo("Backup fails");
        assertThat(steps.get(0).description()).isEqualTo("No more releases.");
        assertThat(steps.get(2).predecessors()).containsExactly(steps.get(0).key(), steps.get(1).key());
        assertThat(steps.get(3).predecessors()).containsExactly(steps.get(2).key());
        assertThat(details.changes()).anySatisfy(c -> assertThat(c.summary()).isEqualTo(
                "Imported from cutover.xlsx as cutover runbook “Cutover from Excel”."));
    }

    @Test
    void aRunbookFromCsvWithDateTimesAndRowNumbersImportsCountingFromTheT0() {
        // Excel in a decimal-comma country: semicolons, a byte order mark; no ID column, so predecessors are row numbers.
        List<List<String>> rows = List.of(
                List.of("Step", "Owner", "Start", "Duration", "Predecessors"),
                List.of("Freeze", "Release manager", "2026-06-01 18:00", "1:30", ""),
                List.of("", "", "", "", ""),
                List.of("Migrate", "DBA", "2026-06-02T19:30", "2h", "2"),
                List.of("Open the doors", "", "-2h", "", "2; 4"));
        byte[] file = ("\uFEFF" + new String(csv(rows, ';'), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        SpreadsheetTable table = as(() -> spreadsheets.read("plan.csv", file));
        assertThat(table.rows()).extracting(SpreadsheetTable.Row::number).containsExactly(2, 4, 5);
        assertThat(as(() -> spreadsheets.autoMap(TemplateKind.CUTOVER, table))).containsExactly(SpreadsheetField.TITLE, SpreadsheetField.OWNER_ROLE,
                SpreadsheetField.START, SpreadsheetField.DURATION, SpreadsheetField.PREDECESSORS);

        Long id = as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "From CSV", "plan.csv", file, LocalDateTime.of(2026, 6, 2, 20, 0)))
                .templateId();

        List<CutoverStep> steps = as(() -> library.draft(id)).orElseThrow().content().items().map(CutoverStep.class::cast).toList();
        assertThat(steps).extracting(CutoverStep::offsetMinutes).containsExactly(-26 * 60, -30, -120);
        assertThat(steps).extracting(CutoverStep::durationMinutes).containsExactly(90, 120, 0);
        assertThat(steps.get(1).predecessors()).containsExactly(steps.get(0).key());
        assertThat(steps.get(2).predecessors()).containsExactly(steps.get(0).key(), steps.get(1).key());
        assertThat(as(() -> library.draft(id)).orElseThrow().content().sections()).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Steps"));
    }

    @Test
    void typedCellsOfAWorkbookAreReadAsTheyLook() throws Exception {
        // What Excel users type: numbers for IDs and offsets, real date cells for starts, a time cell for a duration, TRUE/FALSE.
        byte[] file;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Plan");
            var dated = workbook.createCellStyle();
            dated.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            var clock = workbook.createCellStyle();
            clock.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
            var header = sheet.createRow(0);
            List.of("ID", "Title", "Start", "Duration", "Predecessors", "Evidence required").forEach(h -> header.createCell(header.getLastCellNum() < 0 ? 0
                    : header.getLastCellNum()).setCellValue(h));
            for (int i = 1; i <= 2; i++) {
                var row = sheet.createRow(i + 1); // a blank row 2 between header and items
                row.createCell(0).setCellValue(i * 10);
                row.createCell(1).setCellValue("Step " + i);
                var start = row.createCell(2);
                start.setCellValue(LocalDateTime.of(2026, 6, 6, 18 + i, 0));
                start.setCellStyle(dated);
                var duration = row.createCell(3);
                duration.setCellValue(1.5 / 24); // 1:30
                duration.setCellStyle(clock);
                if (i == 2) {
                    row.createCell(4).setCellValue(10);
                }
                row.createCell(5).setCellValue(i == 2);
            }
            workbook.write(out);
            file = out.toByteArray();
        }
        SpreadsheetTable table = as(() -> spreadsheets.read("typed.xlsx", file));
        assertThat(table.rows()).extracting(SpreadsheetTable.Row::number).containsExactly(3, 4);
        assertThat(table.rows().getFirst().cells()).containsExactly("10", "Step 1", "2026-06-06 19:00", "1:30", "", "FALSE");

        Long id = as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "Typed", "typed.xlsx", file, LocalDateTime.of(2026, 6, 6, 20, 0)))
                .templateId();
        List<CutoverStep> steps = as(() -> library.draft(id)).orElseThrow().content().items().map(CutoverStep.class::cast).toList();
        assertThat(steps).extracting(CutoverStep::offsetMinutes).containsExactly(-60, 0);
        assertThat(steps).extracting(CutoverStep::durationMinutes).containsExactly(90, 90);
        assertThat(steps).extracting(CutoverStep::evidenceRequired).containsExactly(false, true);
        assertThat(steps.get(1).predecessors()).containsExactly(steps.get(0).key());
    }

    @Test
    void excelsPlainCsvEncodingAndFormulaGuardsAreRead() {
        // Excel's "CSV" (not "CSV UTF-8") writes Windows-1252; an exporter may guard "-2h" against formulas with an apostrophe.
        byte[] file = "Title;Owner;Start\r\nRéunion de lancement;Équipe projet;'-2h\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        Long id = as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "Lancement", "plan.csv", file, null)).templateId();

        CutoverStep step = (CutoverStep) as(() -> library.draft(id)).orElseThrow().content().items().findFirst().orElseThrow();
        assertThat(step.title()).isEqualTo("Réunion de lancement");
        assertThat(step.ownerRole()).isEqualTo("Équipe projet");
        assertThat(step.offsetMinutes()).isEqualTo(-120);
    }

    static final List<List<String>> COMMS = List.of(
            COMMS_HEADERS,
            List.of("1", "Before go-live", "Kick-off mail", "All staff", "Announce", "Mail", "Email", "Once", "PMO", "Plan start", "0"),
            List.of("2", "Before go-live", "Weekly update", "Key users", "", "", "Teams", "weekly", "", "go-live", "-28"),
            List.of("3", "After", "Hypercare report", "Steering", "", "Report", "", "Fortnightly", "PM", "Go-live", "+3"));

    static final List<List<String>> RETRO = List.of(
            RETRO_HEADERS,
            List.of("1", "Board", "Start", "What should we start doing?", "No"),
            List.of("2", "Board", "Stop", "", ""),
            List.of("3", "Questions", "Value delivered", "How much value did we deliver?", "Yes"));

    @Test
    void aCommunicationPlanAndARetrospectiveImportFromXlsxAndCsv() {
        for (byte[] file : List.of(xlsx(COMMS), csv(COMMS, ','))) {
            Long id = as(() -> spreadsheets.importFile(TemplateKind.COMMUNICATION_PLAN, "Comms " + file.length, "comms", file, null)).templateId();
            TemplateContent content = as(() -> library.draft(id)).orElseThrow().content();
            assertThat(content.sections()).extracting(TemplateSection::title).containsExactly("Before go-live", "After");
            List<CommunicationEntry> entries = content.items().map(CommunicationEntry.class::cast).toList();
            assertThat(entries).extracting(CommunicationEntry::title).containsExactly("Kick-off mail", "Weekly update", "Hypercare report");
            assertThat(entries).extracting(CommunicationEntry::cadence).containsExactly(Cadence.ONCE, Cadence.WEEKLY, Cadence.BIWEEKLY);
            assertThat(entries).extracting(CommunicationEntry::anchor).containsExactly(PlanAnchor.PLAN_START, PlanAnchor.GO_LIVE, PlanAnchor.GO_LIVE);
            assertThat(entries).extracting(CommunicationEntry::offsetDays).containsExactly(0, -28, 3);
            assertThat(entries.getFirst().purpose()).isEqualTo("Announce");
            assertThat(entries.get(1).channel()).isEqualTo("Teams");
        }
        for (byte[] file : List.of(xlsx(RETRO), csv(RETRO, ','))) {
            Long id = as(() -> spreadsheets.importFile(TemplateKind.RETROSPECTIVE, "Retro " + file.length, "retro", file, null)).templateId();
            List<RetroPrompt> prompts = as(() -> library.draft(id)).orElseThrow().content().items().map(RetroPrompt.class::cast).toList();
            assertThat(prompts).extracting(RetroPrompt::title).containsExactly("Start", "Stop", "Value delivered");
            assertThat(prompts).extracting(RetroPrompt::rating).containsExactly(false, false, true);
            assertThat(prompts.getFirst().prompt()).isEqualTo("What should we start doing?");
        }
    }

    @Test
    void everyStarterTemplateInTheExportLayoutImportsWithTheSameContent() {
        for (String name : List.of("ERP go-live cutover runbook", "Project communication plan", "Post-implementation review")) {
            TemplateRow row = as(() -> library.list(new Filter(null, null, name), Sort.unsorted(), 0, 5)).stream()
                    .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            Long versionId = as(() -> library.details(row.id())).versions().getFirst().id();
            TemplateContent original = as(() -> library.version(row.id(), versionId)).content();
            List<List<String>> layout = SpreadsheetSamples.exportLayout(original);

            Long copy = as(() -> spreadsheets.importFile(row.kind(), name + " (sheet)", "export.xlsx", xlsx(layout), null)).templateId();

            TemplateContent imported = as(() -> library.draft(copy)).orElseThrow().content();
            assertThat(SpreadsheetSamples.exportLayout(imported)).as(name).isEqualTo(layout);
        }
    }

    @Test
    void badFilesAreRefusedNamingRowAndColumnAndNothingIsImported() {
        long before = as(() -> library.count(Filter.all()));

        refusedFile("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0},
                "“logo.png” is not a spreadsheet Cadence reads. Choose an Excel workbook (.xlsx) or a CSV file.");
        refusedFile("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0},
                "“old.xls” is an older Excel workbook (.xls) or a password-protected one.");
        refusedFile("damaged.xlsx", java.util.Arrays.copyOf(xlsx(RUNBOOK), 600), "“damaged.xlsx” could not be read as an Excel workbook");
        refusedFile("empty.csv", new byte[0], "“empty.csv” is empty.");
        refusedFile("blank.csv", ";;\r\n ; ;\r\n".getBytes(StandardCharsets.UTF_8), "“blank.csv” is empty.");
        refusedFile("header.xlsx", xlsx(List.of(RUNBOOK_HEADERS)), "“header.xlsx” has a header row but no items under it");
        refusedFile("quote.csv", "Title,Description\nA,\"never closed\n".getBytes(StandardCharsets.UTF_8), "“quote.csv” could not be read as CSV");
        List<List<String>> tooMany = new ArrayList<>(List.of(List.of("Title")));
        for (int i = 0; i <= TemplateContent.MAX_ITEMS; i++) {
            tooMany.add(List.of("Step " + i));
        }
        refusedFile("long.csv", csv(tooMany, ','), "“long.csv” has more than 2,000 rows of items; a template holds at most 2,000.");
        refusedFile("huge.csv", new byte[uploadLimits.maxFileBytes() + 1], "“huge.csv” is larger than " + uploadLimits.label());

        refused(List.of(List.of("Section", "Owner"), List.of("Run", "DBA")), "No column is mapped to Title");
        refused(List.of(List.of("ID", "Title"), List.of("7", "A"), List.of("7", "B")),
                "Row 3, column ID: “7” is also the ID of row 2; give every row its own ID.");
        refused(List.of(List.of("ID", "Title", "Predecessors"), List.of("1", "A", ""), List.of("2", "B", "1, 44")),
                "Row 3, column Predecessors: there is no row with the ID “44”.");
        refused(List.of(List.of("Title", "Predecessors"), List.of("A", "9")),
                "Row 2, column Predecessors: there is no item on row “9”. With no ID column, predecessors are row numbers.");
        refused(List.of(List.of("ID", "Title", "Predecessors"), List.of("1", "A", "1")), "Row 2, column Predecessors: a step cannot wait for itself");
        refused(List.of(List.of("ID", "Title", "Predecessors"), List.of("1", "A", "3"), List.of("2", "B", "1"), List.of("3", "C", "2")),
                "Rows 2, 3 and 4, column Predecessors: these steps wait for each other in a cycle:");
        refused(List.of(List.of("Title", "Type"), List.of("A", "Meeting")),
                "Row 2, column Type: “Meeting” is not a step type. Use one of Task, Milestone, Go/no-go checkpoint, Communication (empty is Task).");
        refused(List.of(List.of("Title", "Phase"), List.of("A", "Testing")),
                "Row 2, column Phase: “Testing” is not a phase. Use one of Preparation, Execution, Validation, Rollback, Hypercare, or leave it empty.");
        refused(List.of(List.of("Section", "Phase", "Title"), List.of("Run", "Execution", "A"), List.of("Run", "Validation", "B")),
                "Row 3, column Phase: “Validation” differs from Execution, given for section “Run” on row 2.");
        refused(List.of(List.of("Title", "Duration"), List.of("A", ""), List.of("B", ""), List.of("C", "two hours")),
                "Row 4, column Duration: “two hours” is not a time. Use days, hours and minutes");
        refused(List.of(List.of("Title", "Duration"), List.of("A", "-1h")), "Row 2, column Duration: A duration has no sign.");
        refused(List.of(List.of("Title", "Start"), List.of("A", "2026-06-01 18:00")),
                "Row 2, column Start: “2026-06-01 18:00” is a date and time. Give the T0");
        refused(List.of(List.of("Title", "Evidence required"), List.of("A", "maybe")), "Row 2, column Evidence required: “maybe” is not Yes or No.");
        refused(List.of(List.of("Title", "Description"), List.of("", "x".repeat(2_001))),
                "Row 2, column Title: a title is required.");
        refused(List.of(List.of("Title", "Description"), List.of("A", "x".repeat(2_001))),
                "Row 2, column Description: the text has 2,001 characters; at most 2,000 are allowed. Shorten it.");
        refusedAs(TemplateKind.COMMUNICATION_PLAN, List.of(List.of("Title", "Audience", "Cadence"), List.of("A", "All", "Hourly")),
                "Row 2, column Cadence: “Hourly” is not a cadence. Use one of Once, Daily, Weekly, Fortnightly, Monthly, Quarterly, At each milestone");
        refusedAs(TemplateKind.COMMUNICATION_PLAN, List.of(List.of("Title", "Audience", "Anchor"), List.of("A", "", "Kick-off")),
                "Row 2, column Audience: an audience is required");
        refusedAs(TemplateKind.COMMUNICATION_PLAN, List.of(List.of("Title", "Audience", "Anchor"), List.of("A", "All", "Kick-off")),
                "Row 2, column Anchor: “Kick-off” is not an anchor. Use one of Plan start, Go-live, Plan end");
        refusedAs(TemplateKind.COMMUNICATION_PLAN, List.of(List.of("Title", "Audience", "Offset (days)"), List.of("A", "All", "2.5")),
                "Row 2, column Offset (days): “2.5” is not a whole number of days");
        refusedAs(TemplateKind.COMMUNICATION_PLAN, List.of(List.of("Title"), List.of("A")), "No column is mapped to Audience");
        refusedAs(TemplateKind.RETROSPECTIVE, List.of(List.of("Title", "Rating"), List.of("A", "sometimes")),
                "Row 2, column Rating: “sometimes” is not Yes or No.");

        // The name is checked with the rows: empty, or one the library already has.
        assertThatThrownBy(() -> as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, " ", "a.csv", csv(RUNBOOK, ','), null)))
                .hasMessageContaining("Give the template a name.");
        assertThatThrownBy(() -> as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "ERP go-live cutover runbook", "a.csv", csv(RUNBOOK, ','), null)))
                .hasMessageContaining("A template named “ERP go-live cutover runbook” already exists here. Choose another name.");

        assertThat(as(() -> library.count(Filter.all()))).isEqualTo(before);
    }

    @Test
    void aFieldMappedToTwoColumnsOrToAFieldTheKindLacksIsAProblemOfTheMapping() {
        SpreadsheetTable table = as(() -> spreadsheets.read("m.csv", csv(List.of(List.of("Title", "Owner", "Role"), List.of("A", "B", "C")), ',')));
        assertThat(as(() -> spreadsheets.autoMap(TemplateKind.CUTOVER, table)))
                .as("a field goes to the first column that names it").containsExactly(SpreadsheetField.TITLE, SpreadsheetField.OWNER_ROLE, null);

        var preview = as(() -> spreadsheets.preview(new SpreadsheetImport.Request(TemplateKind.CUTOVER, "M", table,
                java.util.Arrays.asList(SpreadsheetField.TITLE, SpreadsheetField.OWNER_ROLE, SpreadsheetField.OWNER_ROLE), null)));
        assertThat(preview.problems()).containsExactly("Columns B (“Owner”) and C (“Role”) are both mapped to Owner role: map it to one column only.");
        preview = as(() -> spreadsheets.preview(new SpreadsheetImport.Request(TemplateKind.CUTOVER, "M", table,
                java.util.Arrays.asList(SpreadsheetField.TITLE, SpreadsheetField.AUDIENCE, null), null)));
        assertThat(preview.problems()).containsExactly(
                "Column B (“Owner”) is mapped to Audience, which a cutover runbook does not have. Choose another field or ignore the column.");
        // Ignoring a column leaves its cells out.
        preview = as(() -> spreadsheets.preview(new SpreadsheetImport.Request(TemplateKind.CUTOVER, "M", table,
                java.util.Arrays.asList(SpreadsheetField.TITLE, null, null), null)));
        assertThat(preview.importable()).isTrue();
        assertThat(((CutoverStep) preview.content().items().findFirst().orElseThrow()).ownerRole()).isNull();
    }

    @Test
    void manyProblemsAreAllFoundAndTheRefusalListsTheFirstTen() {
        List<List<String>> rows = new ArrayList<>(List.of(List.of("Title", "Duration")));
        for (int i = 0; i < 25; i++) {
            rows.add(List.of("Step " + i, "soon"));
        }
        SpreadsheetTable table = as(() -> spreadsheets.read("many.csv", csv(rows, ',')));
        var preview = as(() -> spreadsheets.preview(new SpreadsheetImport.Request(TemplateKind.CUTOVER, "Many", table,
                spreadsheets.autoMap(TemplateKind.CUTOVER, table), null)));
        assertThat(preview.problems()).hasSize(25).first().asString().startsWith("Row 2, column Duration: “soon” is not a time.");
        assertThatThrownBy(() -> as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "Many", "many.csv", csv(rows, ','), null)))
                .hasMessageStartingWith("Nothing was imported. Row 2, column Duration")
                .hasMessageEndingWith("… and 15 more problems. Correct the file and import it again.");
    }

    @Test
    void anImportLandsInTheCurrentOrganisationOnly() {
        Member other = fixtures.member(fixtures.tenant("Sheets elsewhere"), Role.PMO);
        Long id = as(() -> spreadsheets.importFile(TemplateKind.CUTOVER, "Ours", "ours.xlsx", xlsx(RUNBOOK), null)).templateId();

        scope.run(other.userId(), other.tenantId(), () -> {
            assertThat(library.count(Filter.all())).isZero();
            assertThatThrownBy(() -> library.details(id)).isInstanceOf(app.cadence.shared.domain.RecordNotFoundException.class);
            // The name is free in the other organisation: names are unique per organisation.
            Long theirs = spreadsheets.importFile(TemplateKind.CUTOVER, "Ours", "ours.xlsx", xlsx(RUNBOOK), null).templateId();
            assertThat(library.details(theirs).name()).isEqualTo("Ours");
        });
        assertThat(as(() -> library.list(new Filter(null, null, "Ours"), Sort.unsorted(), 0, 10))).extracting(TemplateRow::id).containsExactly(id);
    }

    @Test
    void onlyAuthorsImport() {
        Member pm = fixtures.member(fixtures.tenant("Sheets PM"), Role.PM);
        assertThatThrownBy(() -> scope.call(pm.userId(), pm.tenantId(), () -> spreadsheets.read("a.xlsx", xlsx(RUNBOOK))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scope.call(pm.userId(), pm.tenantId(),
                () -> spreadsheets.importFile(TemplateKind.CUTOVER, "Mine", "a.xlsx", xlsx(RUNBOOK), null))).isInstanceOf(AccessDeniedException.class);
    }

    private void refusedFile(String fileName, byte[] bytes, String message) {
        assertThatThrownBy(() -> as(() -> spreadsheets.read(fileName, bytes))).as(fileName)
                .isInstanceOf(RuleViolationException.class).hasMessageStartingWith(message);
    }

    private void refused(List<List<String>> rows, String message) {
        refusedAs(TemplateKind.CUTOVER, rows, message);
    }

    /** Refused from CSV and from XLSX alike, with the same message. */
    private void refusedAs(TemplateKind kind, List<List<String>> rows, String message) {
        for (byte[] file : Stream.of(csv(rows, ','), xlsx(rows)).toList()) {
            assertThatThrownBy(() -> as(() -> spreadsheets.importFile(kind, "Refused", "bad", file, null))).as(message)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageStartingWith("Nothing was imported.")
                    .hasMessageContaining(message);
        }
    }

    private <T> T as(Supplier<T> work) {
        return scope.call(pmo.userId(), pmo.tenantId(), work);
    }
}
