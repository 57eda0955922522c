package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.PdfText;
import app.cadence.support.SampleTemplates;
import app.cadence.support.SheetRows;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceExports;
import app.cadence.work.service.InstanceExports.InstanceFile;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance's XLSX (read back with POI) and PDF (read back as text): the items with their live
 * state; every member may have them; another tenant's instance is not found, as if it did not exist.
 */
@IntegrationTest
class InstanceExportsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired InstanceExports exports;

    Member pmo;
    Member pm;
    Member viewer;
    Member contributor;
    Member foreignAdmin;
    Long project;
    Long runbook;

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    @BeforeEach
    void setUp() {
        Fixtures.Tenant tenant = fixtures.tenant("Exports");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        contributor = fixtures.member(tenant, Role.CONTRIBUTOR);
        foreignAdmin = fixtures.member(fixtures.tenant("Foreign"), Role.ADMIN);
        project = fixtures.project(pm, "EXP-" + System.nanoTime() % 100_000, "Exports go-live");
        runbook = apply(fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook()), "Go-live runbook",
                Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)));
        ItemView extract = item(runbook, "Extract legacy data");
        as(pm, () -> itemWork.update(new ItemUpdate(extract.id(), extract.version(), ItemStatus.DONE, null, contributor.userId(),
                extract.dueAt(), "=cmd|' /C calc'!A0 extracted 1.2M rows", "https://evidence.example/extract")));
        ItemView load = item(runbook, "Load data");
        as(pm, () -> itemWork.update(ItemUpdate.from(load).withStatus(ItemStatus.BLOCKED, "Target database full")));
    }

    Long apply(Long template, String name, Anchors anchors) {
        return as(pm, () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(project, template, version, name, anchors));
        });
    }

    ItemView item(Long instance, String title) {
        return as(pm, () -> reading.details(instance)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    static List<List<String>> rows(XSSFSheet sheet) {
        return SheetRows.of(sheet);
    }

    @Test
    void theSpreadsheetHasEveryItemWithItsLiveState() throws Exception {
        InstanceFile file = as(viewer, () -> exports.xlsx(runbook));

        assertThat(file.fileName()).matches("exp-[0-9]+-go-live-runbook\\.xlsx");
        assertThat(file.contentType()).isEqualTo(InstanceExports.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            XSSFSheet items = workbook.getSheet("Items");
            List<List<String>> rows = rows(items);
            assertThat(rows.getFirst()).containsExactly("Section", "Item", "Type", "Status", "Owner role", "Assignee", "Planned start", "Due",
                    "Started", "Completed", "Completed by", "Blocked because", "Notes", "Evidence link", "Details");
            assertThat(rows).hasSize(5);
            List<String> extract = rows.get(1);
            assertThat(extract.subList(0, 8)).containsExactly("Execution", "Extract legacy data", "Task", "Done", "Data lead", contributor.name(),
                    "2026-06-06 12:00", "2026-06-06 14:00"); // T0 18:00 in the organisation's zone (UTC): T−6h for 2h
            assertThat(extract.get(10)).isEqualTo(pm.name());
            assertThat(extract.subList(12, 14)).containsExactly("=cmd|' /C calc'!A0 extracted 1.2M rows", "https://evidence.example/extract");
            Row extractRow = items.getRow(1);
            assertThat(extractRow.getCell(7).getCellType()).as("a real date-time").isEqualTo(CellType.NUMERIC);
            assertThat(extractRow.getCell(12).getCellType()).as("notes never a formula").isEqualTo(CellType.STRING);
            assertThat(extractRow.getCell(12).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(rows.get(2).subList(1, 4)).containsExactly("Load data", "Task", "Blocked");
            assertThat(rows.get(2).get(11)).isEqualTo("Target database full");
            assertThat(rows.get(4)).as("the rollback step with its trigger and instructions").contains("Rollback", "Restore backup", "Open",
                    "Rollback trigger: Sign-off refused\n\nRollback instructions: Restore last night's backup");
            assertThat(rows(workbook.getSheet("Instance"))).extracting(r -> r.get(0) + ": " + r.get(1)).contains("Instance: Go-live runbook",
                    "T0: Sat 6 Jun 2026 18:00", "Progress: 1 of 3 done (33%)", "Times in: UTC");
        }
    }

    @Test
    void eachKindHasItsOwnColumns() throws Exception {
        Long plan = apply(fixtures.publishedTemplate(pmo, "Comms", SampleTemplates.communicationPlan()), "Comms plan",
                Anchors.plan(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 7, 15)));
        Long retro = apply(fixtures.publishedTemplate(pmo, "Retro", SampleTemplates.retrospective()), "Sprint 4 retro",
                Anchors.at(LocalDateTime.of(2026, 6, 12, 15, 0)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(as(pm, () -> exports.xlsx(plan)).bytes()))) {
            List<List<String>> rows = rows(workbook.getSheet("Items"));
            assertThat(rows.getFirst()).containsExactly("Section", "Item", "Status", "Owner role", "Assignee", "Due", "Started", "Completed",
                    "Completed by", "Blocked because", "Notes", "Evidence link", "Details");
            assertThat(rows).extracting(r -> r.get(1)).containsExactly("Item", "Weekly status", "Stand-up", "Go-live notice");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(as(pm, () -> exports.xlsx(retro)).bytes()))) {
            assertThat(rows(workbook.getSheet("Items")).getFirst()).containsExactly("Section", "Item", "Status", "Assignee", "Started",
                    "Completed", "Completed by", "Blocked because", "Notes", "Evidence link", "Details");
        }
        assertThat(PdfText.of(as(pm, () -> exports.pdf(retro)).bytes())).contains("Sprint 4 retro", "Session", "Went well", "What should we keep?");
    }

    @Test
    void thePdfHasTheItemsTextTheirStateAndWhoDidThem() throws Exception {
        InstanceFile file = as(contributor, () -> exports.pdf(runbook));

        assertThat(file.fileName()).matches("exp-[0-9]+-go-live-runbook\\.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        // Kept for a look at the page (pdftoppm target/instance-sample.pdf page): the text below says what is there, not how it looks.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "instance-sample.pdf"), file.bytes());
        PdfReader reader = new PdfReader(file.bytes());
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        reader.close();
        String text = PdfText.of(file.bytes()).replaceAll("\\s+", " "); // cells wrap their text over lines
        assertThat(text).contains("Go-live runbook", "Exports go-live", "Runbook", "version 1", "T0", "Sat 6 Jun 2026 18:00", "1 of 3 done (33%)");
        assertThat(text).contains("Execution", "Extract legacy data", "Load data", "Business sign-off", "Restore backup");
        assertThat(text).contains("Done", contributor.name(), "by " + pm.name(), "extracted 1.2M rows", "https://evidence.example/");
        assertThat(text).contains("Blocked: Target database full", "Rollback instructions: Restore last night's backup",
                "rollback: only if rollback is invoked", "evidence required", "critical path");
    }

    @Test
    void anotherTenantsInstanceCannotBeExported() {
        assertThatThrownBy(() -> as(foreignAdmin, () -> exports.xlsx(runbook))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreignAdmin, () -> exports.pdf(runbook))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(pm, () -> exports.xlsx(Long.MAX_VALUE))).isInstanceOf(RecordNotFoundException.class);
    }
}
