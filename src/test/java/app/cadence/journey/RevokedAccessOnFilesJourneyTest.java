package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.LogoImages;
import app.cadence.admin.service.MemberAdministration;
import app.cadence.admin.service.OrganisationSettings;
import app.cadence.operator.service.TenantAdministration;
import app.cadence.security.service.AccountService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.JourneyTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit's high finding, reproduced as it was found: a member keeps pages open whose file
 * links and upload targets Vaadin serves under {@code /VAADIN/dynamic/resource/…}; then their
 * access changes — an ADMIN deactivates or demotes them, the operator suspends the organisation,
 * or they sign out everywhere from another device — and the open pages' links and upload targets
 * are used again from the same browser session. Every one of them must see the access as it is
 * now: no file after the change (a demoted member keeps what their new role may read), and no
 * upload that their access no longer allows.
 *
 * <p>The member is an ADMIN (so that every handler is open to them before the change) of a fresh
 * organisation with a project, a published template and a logo. Five tabs of one browser hold the
 * handlers: the portfolio (CSV, XLSX and PDF exports, and the header's logo), a template (its JSON
 * export), two copies of the template library with the import dialog open (one to prove the
 * upload works, one to try after the change), and the organisation settings (the logo upload).
 * Requests go out of the page with {@code fetch}, i.e. with the browser's own session cookie,
 * exactly as the audit sent them; uploads in the format vaadin-upload sends (the raw file, its
 * name in {@code X-Filename}).
 */
@JourneyTest
class RevokedAccessOnFilesJourneyTest {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PDF = "application/pdf";
    private static final String JSON = "application/json";

    @LocalServerPort int port;
    @Autowired AutowireCapableBeanFactory beans;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration members;
    @Autowired OrganisationSettings settings;
    @Autowired TemplateLibrary templates;
    @Autowired TenantAdministration tenants;
    @Autowired AccountService accounts;

    private Fixtures fixtures;
    private JourneyBrowser browser;
    private Tenant organisation;
    private Member boss;
    private Member member;
    private String projectName;
    private Long templateId;
    private byte[] logoBefore;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void organisationWithAnAdminWhoHasEverythingOpen() throws IOException {
        // The journeys' shared server runs without the test-support beans: made here, not imported,
        // so that this class reuses that server instead of starting another.
        fixtures = beans.createBean(Fixtures.class);
        organisation = fixtures.tenant("Audit");
        boss = fixtures.member(organisation, Role.ADMIN);
        member = fixtures.member(organisation, Role.ADMIN);
        projectName = Fixtures.unique("Payroll migration");
        fixtures.project(boss, "PAY-1", projectName);
        templateId = fixtures.publishedTemplate(boss, "Audit runbook", SampleTemplates.runbook());
        logoBefore = LogoImages.png(64, 32);
        asBoss(() -> settings.replaceLogo(logoBefore));
        browser = new JourneyBrowser(port, "revoked");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDeactivatedMemberGetsNoFileAndUploadsNothing() {
        OpenHandlers open = openEverything();
        asBoss(() -> members.deactivate(member.userId()));
        open.assertEveryDownloadRefused();
        open.assertUploadsChangeNothing();
    }

    @Test
    void aMemberDemotedToViewerStillReadsButCanNoLongerImportOrReplaceTheLogo() {
        OpenHandlers open = openEverything();
        asBoss(() -> members.changeRole(member.userId(), Role.VIEWER));
        // A viewer reads everything in the organisation, exports included.
        open.assertEveryDownloadServed();
        open.assertUploadsChangeNothing();
    }

    @Test
    void aMemberOfASuspendedOrganisationGetsNoFileAndUploadsNothing() {
        OpenHandlers open = openEverything();
        SecurityContextHolder.getContext().setAuthentication(fixtures.operator());
        tenants.suspend(organisation.id(), "Contract ended");
        SecurityContextHolder.clearContext();
        open.assertEveryDownloadRefused();
        open.assertUploadsChangeNothing();
    }

    @Test
    void afterSigningOutEverywhereTheOpenPagesGetNoFileAndUploadNothing() {
        OpenHandlers open = openEverything();
        // From another device: the same person, another session.
        SecurityContextHolder.getContext().setAuthentication(member.authentication());
        accounts.signOutEverywhere();
        SecurityContextHolder.clearContext();
        open.assertEveryDownloadRefused();
        open.assertUploadsChangeNothing();
    }

    // --- the open pages --------------------------------------------------------------------------

    /** Signs the member in, opens every page with a file handler, and proves each handler works now. */
    private OpenHandlers openEverything() {
        browser.driver().get(browser.url("/login"));
        browser.signInHere(member.email(), Fixtures.PASSWORD);
        OpenHandlers open = new OpenHandlers();

        browser.driver().get(browser.url("/portfolio"));
        browser.waitForVaadin();
        open.download("portfolio CSV", href("a.export-csv"), CSV, projectName);
        open.download("portfolio XLSX", href("a.export-xlsx"), XLSX, null);
        open.download("portfolio status pack", href("a.export-pdf"), PDF, null);
        open.download("header logo", browser.until("the header's logo", d -> (String) browser.js().executeScript(
                "const img = document.querySelector('img.organisation-logo'); return img && img.src ? img.src : null;")), "image/png", null);

        newTab("/templates/" + templateId);
        String export = href("a.export-link");
        open.download("template JSON export", export, JSON, "Audit runbook");
        byte[] templateFile = fetch(export).body;

        newTab("/templates");
        String controlImport = importTarget();
        newTab("/templates");
        String attackImport = importTarget();
        newTab("/admin/settings");
        String logoUpload = browser.until("the logo upload", d -> (String) browser.js().executeScript(
                "const u = document.querySelector('.logo-section vaadin-upload'); return u ? new URL(u.target, document.baseURI).href : null;"));

        // Before the change each upload works: these are the requests the attack repeats.
        long templatesBefore = templateCount();
        assertThat(upload(controlImport, JSON, "copy.json", templateFile)).as("the control import's answer").isEqualTo(200);
        assertThat(templateCount()).as("templates after the control import").isEqualTo(templatesBefore + 1);
        byte[] newLogo = LogoImages.png(80, 40);
        assertThat(upload(logoUpload, "image/png", "logo.png", newLogo)).as("the control logo upload's answer").isEqualTo(200);
        assertThat(currentLogo()).as("the logo after the control upload").isEqualTo(newLogo);

        open.uploadsAfterTheChange = () -> {
            long templates = templateCount();
            upload(attackImport, JSON, "attack.json", templateFile);
            assertThat(templateCount()).as("templates after an import sent after the change").isEqualTo(templates);
            upload(logoUpload, "image/png", "attack.png", LogoImages.png(96, 48));
            assertThat(currentLogo()).as("the logo after an upload sent after the change").isEqualTo(newLogo);
        };
        return open;
    }

    private String importTarget() {
        browser.click("the Import button", () -> browser.driver().findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> browser.text(b).startsWith("Import")).findFirst().orElse(null));
        return browser.until("the import dialog's upload", d -> (String) browser.js().executeScript(
                "const u = document.querySelector('vaadin-dialog-overlay vaadin-upload, vaadin-upload');"
                        + " return u && u.target ? new URL(u.target, document.baseURI).href : null;"));
    }

    private void newTab(String path) {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.driver().get(browser.url(path));
        browser.waitForVaadin();
    }

    private String href(String css) {
        return browser.until("the link " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .map(a -> a.getDomProperty("href")).filter(h -> h != null && h.contains("VAADIN/dynamic/resource/")).findFirst().orElse(null));
    }

    /** What the browser gets for {@code url}, with its session cookie, following redirects as a link would. */
    private Answer fetch(String url) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.js().executeAsyncScript("""
                const [url, done] = arguments;
                fetch(url, {credentials: 'same-origin'})
                    .then(async r => {
                        const bytes = new Uint8Array(await r.arrayBuffer());
                        let binary = '';
                        bytes.forEach(b => binary += String.fromCharCode(b));
                        done({status: r.status, type: r.headers.get('content-type') || '', body: btoa(binary)});
                    })
                    .catch(e => done({status: -1, type: '', body: ''}));
                """, url);
        return new Answer(((Number) answer.get("status")).intValue(), (String) answer.get("type"),
                Base64.getDecoder().decode((String) answer.get("body")));
    }

    /** Posts a file to an upload target as vaadin-upload does; returns the HTTP status. */
    private int upload(String target, String type, String fileName, byte[] bytes) {
        Object status = browser.js().executeAsyncScript("""
                const [url, type, name, base64, done] = arguments;
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                fetch(url, {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': type, 'X-Filename': name}, body: bytes})
                    .then(r => r.text().then(() => done(r.status)))
                    .catch(e => done(-1));
                """, target, type, fileName, Base64.getEncoder().encodeToString(bytes));
        return ((Number) status).intValue();
    }

    private long templateCount() {
        // As the system: a suspended organisation is closed to its members, the boss included.
        return scope.callAsSystem(organisation.id(), () -> templates.count(new TemplateViews.Filter(null, null, "")));
    }

    private byte[] currentLogo() {
        return scope.callAsSystem(organisation.id(), () -> settings.logo().map(l -> l.bytes()).orElse(new byte[0]));
    }

    private void asBoss(Runnable work) {
        scope.run(boss.userId(), boss.tenantId(), work);
    }

    private record Answer(int status, String type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isFile(String contentType) {
            return status == 200 && type.startsWith(contentType);
        }
    }

    /** The handlers one browser session holds, and what each served before the change. */
    private final class OpenHandlers {
        private final Map<String, String> urls = new LinkedHashMap<>();
        private final Map<String, String> types = new LinkedHashMap<>();
        private final Map<String, String> contents = new LinkedHashMap<>();
        private Runnable uploadsAfterTheChange;

        void download(String what, String url, String type, String mustContain) {
            Answer before = fetch(url);
            assertThat(before.isFile(type)).as("%s before the change: %s %s", what, before.status, before.type).isTrue();
            if (mustContain != null) {
                assertThat(before.text()).as(what + " before the change").contains(mustContain);
            }
            urls.put(what, url);
            types.put(what, type);
            contents.put(what, mustContain);
        }

        void assertEveryDownloadRefused() {
            List<String> served = new ArrayList<>();
            urls.forEach((what, url) -> {
                Answer after = fetch(url);
                String marker = contents.get(what);
                if (after.isFile(types.get(what)) || (marker != null && after.text().contains(marker))) {
                    served.add(what + " (" + after.status + " " + after.type + ", " + after.body.length + " bytes)");
                }
            });
            assertThat(served).as("files still served after the change").isEmpty();
        }

        void assertEveryDownloadServed() {
            urls.forEach((what, url) -> assertThat(fetch(url).isFile(types.get(what))).as(what + " after the change").isTrue());
        }

        void assertUploadsChangeNothing() {
            uploadsAfterTheChange.run();
        }
    }
}
