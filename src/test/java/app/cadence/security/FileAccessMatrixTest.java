package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.LogoImages;
import app.cadence.admin.service.OrganisationSettings;
import app.cadence.portfolio.domain.PortfolioFilter;
import app.cadence.portfolio.service.PortfolioExport;
import app.cadence.portfolio.service.PortfolioStatusPack;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/**
 * The row set of the role × route matrix for files: every download and upload handler, tried
 * by each role and by an ADMIN of another organisation, against the table below. The handlers
 * themselves call exactly these service methods on every request (the journey
 * {@code RevokedAccessOnFilesJourneyTest} proves it through the browser, after role changes,
 * deactivation, suspension and sign-out everywhere), so the table is what each request gets.
 * A handler answers "not found" where the table says no.
 */
@IntegrationTest
class FileAccessMatrixTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    /** Handler → the roles that get the file or whose upload is taken. */
    private static final Map<String, Set<Role>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("portfolio CSV (/portfolio)", EVERY_ROLE);
        TABLE.put("portfolio XLSX (/portfolio)", EVERY_ROLE);
        TABLE.put("portfolio status pack PDF (/portfolio)", EVERY_ROLE);
        TABLE.put("template JSON export (/templates/{id})", EVERY_ROLE);
        TABLE.put("run report PDF (/runs/{id})", EVERY_ROLE);
        TABLE.put("runbook XLSX (/runs/{id})", EVERY_ROLE);
        TABLE.put("status report PDF (/projects/{id}, /status-reports/{id})", EVERY_ROLE);
        TABLE.put("organisation logo (header, /admin/settings)", EVERY_ROLE);
        TABLE.put("template import upload (/templates)", EnumSet.of(Role.ADMIN, Role.PMO));
        TABLE.put("logo upload (/admin/settings)", EnumSet.of(Role.ADMIN));
        TABLE.put("stakeholders CSV export (/projects/{id})", EVERY_ROLE);
        TABLE.put("stakeholders CSV import upload (/projects/{id})", EnumSet.of(Role.ADMIN, Role.PMO, Role.PM));
    }

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired PortfolioExport export;
    @Autowired PortfolioStatusPack statusPack;
    @Autowired TemplateTransfer transfer;
    @Autowired TemplateLibrary templates;
    @Autowired OrganisationSettings settings;
    @Autowired app.cadence.cutover.service.RunReport runReport;
    @Autowired app.cadence.cutover.service.RunbookSpreadsheet runbook;
    @Autowired app.cadence.work.service.InstanceApplication applying;
    @Autowired app.cadence.cutover.service.CutoverRuns runs;
    @Autowired app.cadence.comms.service.Stakeholders stakeholders;
    @Autowired app.cadence.reporting.service.StatusReports statusReports;

    private Tenant tenant;
    private String projectName;
    private Long templateId;
    private Long versionId;
    private byte[] templateFile;
    private Long runId;
    private Long projectId;
    private Long reportId;

    @BeforeEach
    void organisationWithAProjectATemplateAndALogo() {
        tenant = fixtures.tenant("Files");
        Member admin = fixtures.member(tenant, Role.ADMIN);
        projectName = Fixtures.unique("Warehouse move");
        projectId = fixtures.project(admin, "WH-1", projectName);
        templateId = fixtures.publishedTemplate(admin, "Files runbook", SampleTemplates.runbook());
        scope.run(admin.userId(), tenant.id(), () -> settings.replaceLogo(LogoImages.png(40, 20)));
        versionId = scope.call(admin.userId(), tenant.id(), () -> templates.details(templateId).versions().getFirst().id());
        templateFile = scope.call(admin.userId(), tenant.id(), () -> transfer.export(templateId, versionId).bytes());
        runId = scope.call(admin.userId(), tenant.id(), () -> runs.scheduleRehearsal(applying.instantiate(
                new app.cadence.work.service.InstanceViews.InstantiationRequest(projectId, templateId, versionId, "Files runbook",
                        app.cadence.work.domain.Anchors.at(java.time.LocalDateTime.of(2027, 3, 6, 20, 0)))), null));
        reportId = scope.call(admin.userId(), tenant.id(), () -> {
            app.cadence.reporting.service.ReportView draft = statusReports.startDraft(projectId);
            return statusReports.publish(draft.id(), draft.version()).id();
        });
    }

    @Test
    void everyRoleGetsExactlyTheFilesTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Member member = fixtures.member(tenant, role);
            handlers().forEach((handler, attempt) -> {
                boolean served = scope.call(member.userId(), tenant.id(), () -> attempt.apply(member));
                if (served != TABLE.get(handler).contains(role)) {
                    wrong.add(role + " " + (served ? "got" : "was refused") + " " + handler);
                }
            });
        }
        assertThat(wrong).isEmpty();
        assertThat(handlers().keySet()).as("every handler has a row").containsExactlyElementsOf(TABLE.keySet());
    }

    @Test
    void anAdminOfAnotherOrganisationGetsNothingOfThisOne() {
        Member stranger = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);
        scope.run(stranger.userId(), stranger.tenantId(), () -> {
            assertThat(csv()).doesNotContain(projectName);
            assertThat(refused(() -> transfer.export(templateId, versionId))).as("this organisation's template").isTrue();
            assertThat(refused(() -> runReport.pdf(runId))).as("this organisation's run report").isTrue();
            assertThat(refused(() -> runbook.xlsx(runId))).as("this organisation's runbook").isTrue();
            assertThat(refused(() -> stakeholders.exportCsv(projectId))).as("this organisation's stakeholders").isTrue();
            assertThat(refused(() -> stakeholders.importCsv(projectId, "Name\nMole\n".getBytes(StandardCharsets.UTF_8))))
                    .as("an upload into this organisation's project").isTrue();
            assertThat(refused(() -> statusReports.pdf(reportId))).as("this organisation's status report").isTrue();
            assertThat(settings.logo()).as("the stranger's own organisation has no logo").isEmpty();
        });
    }

    /** Each handler's service call as the handler makes it; true when it served the file or took the upload. */
    private Map<String, Function<Member, Boolean>> handlers() {
        Map<String, Function<Member, Boolean>> handlers = new LinkedHashMap<>();
        handlers.put("portfolio CSV (/portfolio)", m -> !refused(() -> assertThat(csv()).contains(projectName)));
        handlers.put("portfolio XLSX (/portfolio)", m -> !refused(() -> export.writeXlsx(PortfolioFilter.none(), Sort.unsorted(), new ByteArrayOutputStream())));
        handlers.put("portfolio status pack PDF (/portfolio)", m -> !refused(() -> statusPack.write(PortfolioFilter.none(), Sort.unsorted(), new ByteArrayOutputStream())));
        handlers.put("template JSON export (/templates/{id})", m -> !refused(() -> transfer.export(templateId, versionId)));
        handlers.put("run report PDF (/runs/{id})", m -> !refused(() -> runReport.pdf(runId)));
        handlers.put("runbook XLSX (/runs/{id})", m -> !refused(() -> runbook.xlsx(runId)));
        handlers.put("status report PDF (/projects/{id}, /status-reports/{id})", m -> !refused(() -> statusReports.pdf(reportId)));
        handlers.put("organisation logo (header, /admin/settings)", m -> !refused(() -> assertThat(settings.logo()).isPresent()));
        handlers.put("template import upload (/templates)", m -> !refused(() -> transfer.importFile(templateFile)));
        handlers.put("logo upload (/admin/settings)", m -> !refused(() -> settings.replaceLogo(LogoImages.png(48, 24))));
        handlers.put("stakeholders CSV export (/projects/{id})", m -> !refused(() -> stakeholders.exportCsv(projectId)));
        handlers.put("stakeholders CSV import upload (/projects/{id})", m -> !refused(() -> stakeholders.importCsv(projectId,
                "Name,Email\nFiles person,files@files.example\n".getBytes(StandardCharsets.UTF_8))));
        return handlers;
    }

    private String csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeCsv(PortfolioFilter.none(), Sort.unsorted(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean refused(Runnable call) {
        try {
            call.run();
            return false;
        } catch (AccessDeniedException | app.cadence.shared.domain.RecordNotFoundException e) {
            return true;
        }
    }
}
