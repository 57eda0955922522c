package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.service.PortfolioExport;
import app.cadence.project.domain.Health;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

@IntegrationTest
class PortfolioExportTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired PortfolioExport export;
    @Autowired ProjectHealthService health;
    @Autowired app.cadence.support.TestClock clock;

    Member pmo;
    Member stranger;

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Exports");
        pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        fixtures.project(pm, "ALPHA-1", "Plain, with a comma and \"quotes\"");
        fixtures.project(pm, "BETA-2", "=HYPERLINK(\"http://evil.example\",\"click\")");
        // Reproduced in the audit (C12, finding 5): these came out as live formulas.
        fixtures.project(pm, "DELTA-4", "x;=2*3;");
        fixtures.project(pm, "EPS-5", "\u00A0=1+1");
        fixtures.project(pm, "ETA-7", "Phase 1 - build; +2 weeks");
        Long red = fixtures.project(pm, "GAMMA-3", "@SUM(A1:A2)");
        long version = fixtures.load(pm, red).getVersion();
        scope.run(pm.userId(), pm.tenantId(), () -> health.override(red, version, Health.RED, "-1 week late"));
        Tenant elsewhere = fixtures.tenant("Elsewhere");
        stranger = fixtures.member(elsewhere, Role.PMO);
        fixtures.project(fixtures.member(elsewhere, Role.PM), "SECRET-9", "Another tenant's project");
    }

    String csv(Member as, PortfolioFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scope.run(as.userId(), as.tenantId(), () -> export.writeCsv(filter, Sort.by("key"), out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCsvHoldsEveryProjectQuotedAndWithFormulasNeutralised() {
        String text = csv(pmo, PortfolioFilter.none());
        assertThat(text).startsWith("\uFEFF\"Key\",\"Name\",\"Status\",\"Health\",");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("\"ALPHA-1\",\"Plain, with a comma and \"\"quotes\"\"\",\"Active\",\"Not assessed\",\"\",\"No templates applied yet.\",");
        assertThat(lines.get(2)).startsWith("\"BETA-2\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"Active\",");
        assertThat(lines.get(3)).startsWith("\"DELTA-4\",\"x;'=2*3;\",");
        assertThat(lines.get(4)).startsWith("\"EPS-5\",\"'\u00A0=1+1\",");
        // Ordinary text keeps its dashes; only what follows a ; is treated as a new cell.
        assertThat(lines.get(5)).startsWith("\"ETA-7\",\"Phase 1 - build;' +2 weeks\",");
        assertThat(lines.get(6)).startsWith("\"GAMMA-3\",\"'@SUM(A1:A2)\",\"Active\",\"Red\",\"Yes\",\"'-1 week late\",");
        // Numbers and dates stay bare, so that the spreadsheet reads them as numbers and dates.
        assertThat(lines.get(1)).contains(",2026-01-05,2026-06-01,").endsWith(",0,0," + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        assertThat(text).doesNotContain("SECRET-9");
    }

    @Test
    void noTextCellOfTheCsvStartsAFormulaInAnySpreadsheetLocale() {
        String text = csv(pmo, PortfolioFilter.none()).substring(1);
        for (String line : text.lines().toList()) {
            // Split as Excel does with a comma and, in locales with a decimal comma, with a semicolon.
            for (String cell : line.split("[,;]")) {
                String visible = cell.replaceAll("^[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF\"]+", "");
                assertThat(visible).as("cell %s of line %s", cell, line).doesNotMatch("^[=+\\-@\\t\\r].*");
            }
        }
    }

    @Test
    void theCsvFollowsTheFilters() {
        List<String> lines = csv(pmo, new PortfolioFilter(null, null, null, Health.RED, false, "")).substring(1).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("\"GAMMA-3\",");

        // Nothing applied anywhere: every project but the one set by hand is not assessed.
        List<String> notAssessed = csv(pmo, new PortfolioFilter(null, null, null, Health.NOT_ASSESSED, false, "")).substring(1).lines().toList();
        assertThat(notAssessed).hasSize(6);
        assertThat(notAssessed.subList(1, notAssessed.size())).allSatisfy(line -> assertThat(line).contains(",\"Not assessed\","))
                .noneMatch(line -> line.startsWith("\"GAMMA-3\""));
    }

    @Test
    void theXlsxOpensWithTheSameRowsAndNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scope.run(pmo.userId(), pmo.tenantId(), () -> export.writeXlsx(PortfolioFilter.none(), Sort.by("key"), out));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = workbook.getSheet("Portfolio");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Key");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING); // text, not a formula
            // Shown as typed, without an apostrophe, and still text when someone edits the cell.
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("x;=2*3;");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(4).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
            assertThat(sheet.getRow(6).getCell(3).getStringCellValue()).isEqualTo("Red");
            assertThat(sheet.getRow(6).getCell(4).getStringCellValue()).isEqualTo("Yes");
            assertThat(sheet.getRow(6).getCell(15).getCellType()).isEqualTo(CellType.NUMERIC); // overdue items
            assertThat(sheet.getRow(6).getCell(15).getNumericCellValue()).isZero();
            assertThat(sheet.getRow(6).getCell(12).getCellType()).isEqualTo(CellType.BLANK); // no cutover applied
            // The last update is a date the spreadsheet can sort by, shown as yyyy-mm-dd.
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(sheet.getRow(6).getCell(17))).isTrue();
            assertThat(sheet.getRow(6).getCell(17).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
        }
    }

    @Test
    void anotherTenantExportsOnlyItsOwnProjects() {
        String text = csv(stranger, PortfolioFilter.none());
        assertThat(text).contains("SECRET-9").doesNotContain("ALPHA-1").doesNotContain("BETA-2");
    }
}
