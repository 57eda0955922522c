package app.cadence.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.DecisionConditions;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.HypercareBoard;
import app.cadence.cutover.service.HypercareChecks;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.cutover.service.RunTimeText;
import app.cadence.cutover.service.RunComparison;
import app.cadence.cutover.service.RunComparison.Comparison;
import app.cadence.cutover.service.RunComparison.StepDifference;
import app.cadence.cutover.service.RunFile;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunbookColumn;
import app.cadence.cutover.service.RunbookSpreadsheet;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.tenancy.domain.Role;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A run's exports through the services: the PDF report (read back as text), the runbook XLSX
 * (read back with POI), the comparison of two runs (figures worked out by hand in
 * {@link RehearsedRunbook}), who may have them, and tenant isolation.
 */
@IntegrationTest
class RunExportsTest {

    private static final char MINUS = '\u2212';

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired RunReport report;
    @Autowired RunbookSpreadsheet spreadsheet;
    @Autowired RunComparison comparison;
    @Autowired CutoverRuns runs;
    @Autowired InstanceApplication applying;
    @Autowired app.cadence.support.TestClock clock;
    @Autowired GoNoGoVoting voting;
    @Autowired DecisionConditions conditions;
    @Autowired RunReading reading;
    @Autowired RunStepWork steps;
    @Autowired HypercareChecks hypercare;

    RehearsedRunbook sample;

    @BeforeEach
    void rehearseTwice() {
        sample = RehearsedRunbook.create(context, fixtures);
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString();
    }

    @Test
    void theReportIsTheEvidencePackOfTheRun() throws Exception {
        RunFile file = sample.as(sample.pm, () -> report.pdf(sample.first));
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo(sample.projectKey.toLowerCase(java.util.Locale.ROOT) + "-rehearsal-1-run-report.pdf");
        // Kept for a look at the pages (pdftoppm target/run-report-sample.pdf page): the text below says what is there, not how it looks.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "run-report-sample.pdf"), file.bytes());
        String text = text(file.bytes());

        assertThat(text).as("summary").contains("Run report — Rehearsal 1", sample.projectKey + " Exports go-live", "Go-live runbook",
                "Planned T0", "Actual T0", "Completed", "Rehearsal went well", sample.pm.name(), "Europe/London", "+0:15 late");
        assertThat(text).as("T-notation with the minus sign, which the embedded font carries").contains("T" + MINUS + "3h", "T" + MINUS + "2h");
        assertThat(text).as("timeline").contains("Planned versus actual", "Go-live");
        assertThat(text).as("steps").contains("Freeze changes", "Migrate data", "Switch DNS", FREEZE(), "Change CHG-1042 closed",
                "+0:10 late", MINUS + "0:20 early", sample.dataLead.name());
        assertThat(text).as("decision with each approver's vote and comment").contains("Go/no-go — Go with conditions", sample.pmo.name(),
                "Data reconciled", sample.networkEngineer.name(), "Keep the DNS TTL low for a day");
        assertThat(text).as("the condition, still open when the rehearsal ended, counted in the summary")
                .contains("Open conditions", "1 of 1 not yet met", "Conditions: 1 of 1 not yet met");
        assertThat(text).as("no hypercare in this runbook").contains("Hypercare exit", "This runbook has no hypercare exit",
                "This runbook has no recurring hypercare checks and no hypercare exit.");
        assertThat(text).as("rollback").contains("Rollback was not invoked", "Restore the old system", "Point DNS back");
        assertThat(text).as("no override in this run").contains("No rule was overridden");
        assertThat(text).as("the whole log").contains("Run log", "Started “Freeze changes”");
    }

    private static String FREEZE() {
        return RehearsedRunbook.FREEZE_EVIDENCE;
    }

    @Test
    void theReportListsTheOverridesWithTheirReasons() throws Exception {
        String text = text(sample.as(sample.pm, () -> report.pdf(sample.second)).bytes());
        assertThat(text).contains("Overrides", "Override: Started “Migrate data”", "Freeze done by hand on the old console");
        assertThat(text).contains("Running").doesNotContain("No rule was overridden");
    }

    @Test
    void theReportSaysWhichConditionsWereMetByWhomAndWhen() throws Exception {
        java.util.UUID decide = sample.key(sample.second, "Go/no-go");
        sample.as(sample.pmo, () -> voting.vote(sample.second, decide, Verdict.GO_WITH_CONDITIONS, "Hypercare desk staffed until Monday"));
        sample.as(sample.networkEngineer, () -> voting.vote(sample.second, decide, Verdict.GO_WITH_CONDITIONS, "Keep the DNS TTL low for a day"));
        clock.advance(Duration.ofMinutes(20));
        sample.as(sample.networkEngineer, () -> conditions.markMet(sample.second, decide, sample.networkEngineer.userId(), "TTL at 60 s"));
        Instant metAt = clock.instant();

        String text = text(sample.as(sample.viewer, () -> report.pdf(sample.second)).bytes());
        assertThat(text).as("summary").contains("Open conditions", "1 of 2 not yet met");
        assertThat(text).as("each condition under its decision").contains("Conditions: 1 of 2 not yet met", "Condition", "Set by",
                "Hypercare desk staffed until Monday", "Keep the DNS TTL low for a day", "TTL at 60 s",
                "Met by " + sample.networkEngineer.name(), times(sample.second).wall(metAt));
        assertThat(text).as("the other still open (the extractor runs a row's cells together)")
                .contains("Hypercare desk staffed until Monday" + sample.pmo.name() + "Open");
    }

    @Test
    void theReportShowsHypercareCheckByCheckAndTheExitSignOff() throws Exception {
        Instant day = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(3));
        LocalDateTime localT0 = LocalDateTime.ofInstant(day, RehearsedRunbook.ZONE).withHour(13);
        Long templateId = fixtures.publishedTemplate(sample.pmo, "Runbook with hypercare", SampleTemplates.hypercareRunbook());
        Long projectId = fixtures.project(sample.pm, "HC-" + System.nanoTime() % 10_000, "Hypercare go-live");
        Member supportLead = fixtures.member(sample.tenant, Role.CONTRIBUTOR);
        Long runId = sample.as(sample.pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            Long instance = applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Runbook with hypercare", Anchors.at(localT0)));
            Long run = runs.scheduleLiveRun(instance, null);
            runs.assignRole(run, "Support lead", List.of(supportLead.userId()));
            return run;
        });
        Instant t0 = localT0.atZone(RehearsedRunbook.ZONE).toInstant();
        assertThat(text(sample.as(sample.pm, () -> report.pdf(runId)).bytes())).as("before go-live").contains("Hypercare exit", "Not signed",
                "not dated yet", "Exit “Hypercare exit review”: not signed");

        java.util.UUID switchOver = key(runId, "Switch over");
        java.util.UUID goLive = key(runId, "Go live");
        sample.as(sample.pm, () -> runs.recordAt(t0.minus(Duration.ofHours(1)), () -> {
            runs.start(runId);
            steps.complete(runId, switchOver, null, null);
            steps.complete(runId, goLive, null, null);
        }));
        List<HypercareBoard.Occurrence> standUps = sample.as(sample.pm, () -> hypercare.occurrences(runId)).occurrences().stream()
                .filter(o -> o.title().equals("Daily stand-up")).toList();
        clock.advance(Duration.between(clock.instant(), standUps.get(0).dueAt()));
        sample.as(supportLead, () -> hypercare.tick(runId, standUps.get(0).id(), "Two incidents, both closed"));
        clock.advance(Duration.between(clock.instant(), standUps.get(1).dueAt().plus(Duration.ofHours(2))));
        sample.as(sample.pm, () -> hypercare.miss(runId, standUps.get(1).id(), "Bank holiday: nobody on site"));
        clock.advance(Duration.ofHours(1));
        Instant signedAt = clock.instant();
        sample.as(sample.pm, () -> hypercare.signExit(runId, "No P1 for 5 days; support accepted the handover"));

        byte[] pdf = sample.as(sample.viewer, () -> report.pdf(runId)).bytes();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "run-report-hypercare.pdf"), pdf);
        String text = text(pdf);
        RunTimeText times = times(runId);
        assertThat(text).as("summary").contains("Hypercare exit", "Signed by " + sample.pm.name());
        assertThat(text).as("each check with its rule and count").contains("Hypercare", "Daily stand-up", "Daily at 09:00 for 3 days",
                "1 of 3 done, 1 missed", "Watch errors", "Every 8 hours for 2 days");
        assertThat(text).as("each occurrence: due, state, who and when, note").contains("Due", "Recorded",
                times.wall(standUps.get(0).dueAt()), "Done", supportLead.name(), "Two incidents, both closed",
                times.wall(standUps.get(1).dueAt()), "Missed", "Bank holiday: nobody on site", "Not needed", "Hypercare closed");
        assertThat(text).as("the sign-off").contains("Exit “Hypercare exit review” signed by " + sample.pm.name(),
                "No P1 for 5 days; support accepted the handover", times.full(signedAt));
    }

    private RunTimeText times(Long runId) {
        var header = sample.as(sample.pm, () -> reading.screen(runId)).header();
        return new RunTimeText(header.t0(), header.zone());
    }

    private java.util.UUID key(Long runId, String title) {
        return sample.key(runId, title);
    }

    @Test
    void theRunbookSpreadsheetHasOneRowPerStepWithRealDateTimesInTheRunsZoneAndVarianceInMinutes() throws Exception {
        RunFile file = sample.as(sample.viewer, () -> spreadsheet.xlsx(sample.first));
        assertThat(file.fileName()).endsWith("-rehearsal-1-runbook.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            XSSFSheet sheet = workbook.getSheet("Runbook");
            List<String> headers = Arrays.stream(RunbookColumn.values()).map(RunbookColumn::header).toList();
            Row header = sheet.getRow(0);
            for (int c = 0; c < headers.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(headers.get(c));
            }
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as("the header row stays in view").isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getLastRowNum()).as("five steps").isEqualTo(5);

            Row freeze = sheet.getRow(1);
            assertThat(freeze.getCell(col(RunbookColumn.STEP)).getStringCellValue()).isEqualTo("Freeze changes");
            assertThat(freeze.getCell(col(RunbookColumn.SECTION)).getStringCellValue()).isEqualTo("Go-live");
            assertThat(freeze.getCell(col(RunbookColumn.OWNER_ROLE)).getStringCellValue()).isEqualTo("Data lead");
            assertThat(freeze.getCell(col(RunbookColumn.OWNERS)).getStringCellValue()).isEqualTo(sample.dataLead.name());
            assertThat(freeze.getCell(col(RunbookColumn.STATE)).getStringCellValue()).startsWith("Done");
            assertThat(freeze.getCell(col(RunbookColumn.PLANNED_T)).getStringCellValue()).isEqualTo("T" + MINUS + "3h → T" + MINUS + "2h");
            LocalDateTime plannedStart = LocalDateTime.ofInstant(sample.t0.minus(Duration.ofHours(3)), RehearsedRunbook.ZONE);
            assertThat(freeze.getCell(col(RunbookColumn.PLANNED_START)).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(freeze.getCell(col(RunbookColumn.PLANNED_START)).getLocalDateTimeCellValue()).as("London time").isEqualTo(plannedStart);
            assertThat(freeze.getCell(col(RunbookColumn.ACTUAL_FINISH)).getLocalDateTimeCellValue()).isEqualTo(plannedStart.plusMinutes(70));
            assertThat(freeze.getCell(col(RunbookColumn.VARIANCE)).getNumericCellValue()).isEqualTo(10);
            assertThat(freeze.getCell(col(RunbookColumn.EVIDENCE)).getStringCellValue()).isEqualTo(RehearsedRunbook.FREEZE_EVIDENCE);

            Row migrate = sheet.getRow(2);
            var evidence = migrate.getCell(col(RunbookColumn.EVIDENCE));
            assertThat(evidence.getCellType()).as("a formula typed as evidence stays text").isEqualTo(CellType.STRING);
            assertThat(evidence.getStringCellValue()).isEqualTo(RehearsedRunbook.FORMULA_EVIDENCE);
            assertThat(evidence.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(3).getCell(col(RunbookColumn.VARIANCE)).getNumericCellValue()).as("go/no-go").isEqualTo(-20);
            assertThat(sheet.getRow(5).getCell(col(RunbookColumn.ACTUAL_START)).getCellType()).as("the rollback step did not run")
                    .isEqualTo(CellType.BLANK);

            XSSFSheet about = workbook.getSheet("Run");
            assertThat(about.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Rehearsal 1");
            assertThat(about.getRow(8).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(sample.t0, RehearsedRunbook.ZONE));
        }
    }

    private static int col(RunbookColumn column) {
        return column.ordinal();
    }

    @Test
    void twoRunsOfOneRunbookCompareStepByStep() {
        Comparison c = sample.as(sample.viewer, () -> comparison.compare(sample.first, sample.second));
        assertThat(c.first().name()).isEqualTo("Rehearsal 1");
        assertThat(c.second().name()).isEqualTo("Rehearsal 2");
        assertThat(c.first().variance()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.first().elapsed()).as("T−3h to T+45m").isEqualTo(Duration.ofMinutes(225));
        assertThat(c.second().elapsed()).as("T−3h to T−40m").isEqualTo(Duration.ofMinutes(140));
        assertThat(c.steps()).extracting(StepDifference::title).containsExactly("Freeze changes", "Migrate data", "Go/no-go", "Switch DNS",
                "Restore the old system");

        StepDifference freeze = c.steps().get(0);
        assertThat(freeze.firstTook()).isEqualTo(Duration.ofMinutes(70));
        assertThat(freeze.secondTook()).isEqualTo(Duration.ofMinutes(60));
        assertThat(freeze.difference()).as("ten minutes quicker the second time").isEqualTo(Duration.ofMinutes(-10));
        assertThat(freeze.firstVariance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(freeze.secondVariance()).isEqualTo(Duration.ZERO);

        StepDifference migrate = c.steps().get(1);
        assertThat(migrate.firstTook()).isEqualTo(Duration.ofMinutes(50));
        assertThat(migrate.secondTook()).isEqualTo(Duration.ofMinutes(80));
        assertThat(migrate.difference()).isEqualTo(Duration.ofMinutes(30));
        assertThat(migrate.firstVariance()).isEqualTo(Duration.ZERO);
        assertThat(migrate.secondVariance()).isEqualTo(Duration.ofMinutes(20));

        StepDifference decision = c.steps().get(2);
        assertThat(decision.firstTook()).isEqualTo(Duration.ofMinutes(10));
        assertThat(decision.secondTook()).as("not run yet in the second").isNull();
        assertThat(decision.difference()).isNull();
        assertThat(decision.firstVariance()).isEqualTo(Duration.ofMinutes(-20));
        assertThat(c.steps().get(3).firstTook()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.steps().get(4).firstTook()).as("rollback not invoked").isNull();
    }

    @Test
    void runsOfDifferentRunbooksAreNotComparedAndNorIsARunWithItself() {
        Long otherTemplate = fixtures.publishedTemplate(sample.pmo, "Other runbook", SampleTemplates.goLiveRunbook());
        Long projectId = fixtures.project(sample.pm, "OT-" + System.nanoTime() % 10_000, "Other go-live");
        Long otherRun = sample.as(sample.pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(otherTemplate)).findFirst().orElseThrow().latest().id();
            Long instance = applying.instantiate(new InstantiationRequest(projectId, otherTemplate, versionId, "Other runbook",
                    Anchors.at(LocalDateTime.of(2027, 1, 9, 20, 0))));
            return runs.scheduleRehearsal(instance, null);
        });
        assertThatThrownBy(() -> sample.as(sample.pm, () -> comparison.compare(sample.first, otherRun))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("different runbooks").hasMessageContaining("Compare runs of the same runbook");
        assertThatThrownBy(() -> sample.as(sample.pm, () -> comparison.compare(sample.first, sample.first))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("two different runs");
    }

    @Test
    void everyMemberMayHaveTheFilesAViewerIncluded() throws Exception {
        for (Member member : List.of(sample.viewer, sample.dataLead, sample.pmo)) {
            assertThat(text(sample.as(member, () -> report.pdf(sample.first)).bytes())).contains("Run report — Rehearsal 1");
            assertThat(sample.as(member, () -> spreadsheet.xlsx(sample.first)).bytes()).isNotEmpty();
        }
    }

    @Test
    void aLongRunbooksTimelineShowsEachSectionAndOnlyTheCriticalPathAndTheReportPages() throws Exception {
        Long runId = longRun();
        long started = System.nanoTime();
        RunFile file = sample.as(sample.viewer, () -> report.pdf(runId));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Run report of a 500-step runbook: " + millis + " ms, " + file.bytes().length / 1024 + " KB");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "run-report-500-steps.pdf"), file.bytes());
        String text = text(file.bytes());
        List<String> lines = text.lines().map(String::strip).toList();
        assertThat(text).contains("only its steps on the critical path");
        assertThat(lines).as("the long chain is the critical path").contains("Part 1", "1. Step 1", "499. Step 499")
                .doesNotContain("2. Step 2", "500. Step 500");
        assertThat(text).as("every step is in the table all the same").contains("Step 2", "Step 500");
        assertThat(new PdfReader(file.bytes()).getNumberOfPages()).isGreaterThan(5);
    }

    /**
     * 500 steps in five sections: two chains side by side, the odd steps 10 minutes each, the even
     * ones 5 — so the odd chain finishes last and is the critical path. The run has started.
     */
    private Long longRun() {
        List<app.cadence.template.domain.TemplateSection> sections = new java.util.ArrayList<>();
        List<app.cadence.template.domain.CutoverStep> all = new java.util.ArrayList<>();
        for (int part = 0; part < 5; part++) {
            List<app.cadence.template.domain.TemplateItem> items = new java.util.ArrayList<>();
            for (int i = part * 100; i < part * 100 + 100; i++) {
                List<java.util.UUID> after = i < 2 ? List.of() : List.of(all.get(i - 2).key());
                var step = new app.cadence.template.domain.CutoverStep(java.util.UUID.randomUUID(), "Step " + (i + 1), null,
                        app.cadence.template.domain.StepType.TASK, (i / 2) * 10 - 2500, i % 2 == 0 ? 10 : 5, "DBA", after, null, null, false);
                all.add(step);
                items.add(step);
            }
            sections.add(new app.cadence.template.domain.TemplateSection(java.util.UUID.randomUUID(), "Part " + (part + 1),
                    app.cadence.template.domain.SectionRole.EXECUTION, items));
        }
        Long templateId = fixtures.publishedTemplate(sample.pmo, "Long runbook",
                new app.cadence.template.domain.TemplateContent(app.cadence.template.domain.TemplateKind.CUTOVER, sections, null));
        Long projectId = fixtures.project(sample.pm, "LG-" + System.nanoTime() % 10_000, "Long go-live");
        return sample.as(sample.pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            Long instance = applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Long runbook",
                    Anchors.at(LocalDateTime.of(2027, 1, 9, 20, 0))));
            // Planned to begin now (its first step is at T−2500m), so that it starts on time.
            Long run = runs.scheduleRehearsal(instance, clock.instant().plus(Duration.ofMinutes(2500)));
            runs.start(run);
            return run;
        });
    }

    @Test
    void anotherOrganisationsRunIsNotFound() {
        Member intruder = fixtures.member(fixtures.tenant("Intruder"), Role.ADMIN);
        assertThatThrownBy(() -> sample.as(intruder, () -> report.pdf(sample.first))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> sample.as(intruder, () -> spreadsheet.xlsx(sample.first))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> sample.as(intruder, () -> comparison.compare(sample.first, sample.second))).isInstanceOf(RecordNotFoundException.class);
    }
}
