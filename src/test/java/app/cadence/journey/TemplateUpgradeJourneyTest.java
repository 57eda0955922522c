package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;

/**
 * A template improvement rolled out (issue C10): HR-04 and CRM-03 run version 1 of the ERP go-live
 * runbook, HR-04's team has done its first step and noted another. The PMO publishes the runbook's
 * draft as version 2, sees on the Drift tab the two projects behind, upgrades both in one action
 * and sees each result; the PM opens HR-04's runbook: on version 2, the upgrade in its history,
 * the step still done and the note still there. Its own database (the other journeys share theirs
 * and one of them accepts a proposal into the same draft).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cadence.demo-data=true",
        "spring.datasource.url=jdbc:h2:mem:cadence-journey-upgrade;DB_CLOSE_DELAY=-1",
        "vaadin.devmode.devTools.enabled=false"})
class TemplateUpgradeJourneyTest {

    private static final String RUNBOOK = "ERP go-live cutover runbook";
    private static final String NOTE = "Bridge line booked with the vendor";

    @LocalServerPort
    private int port;

    @Autowired TenantScope scope;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository accounts;
    @Autowired ProjectService projects;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired TemplateLibrary library;

    private JourneyBrowser pmo;
    private JourneyBrowser pm;
    private int stepNumber;
    private Long acme;
    private Long pmId;
    private Long hrRunbook;
    private String doneStep;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void setUp() throws IOException {
        acme = tenants.findBySlug("acme").orElseThrow().getId();
        pmId = accounts.findByEmail("pm@acme.example").orElseThrow().getId();
        Long pmoId = accounts.findByEmail("pmo@acme.example").orElseThrow().getId();
        var template = as(pmId, () -> applying.applicableTemplates().stream().filter(t -> t.name().equals(RUNBOOK)).findFirst().orElseThrow());
        hrRunbook = apply(template.id(), template.latest().id(), "HR-04");
        apply(template.id(), template.latest().id(), "CRM-03");
        // HR-04's team has started: the first step done, a note on the second.
        List<ItemView> items = as(pmId, () -> reading.details(hrRunbook).items());
        doneStep = items.get(0).title();
        scope.run(pmId, acme, () -> {
            itemWork.update(ItemUpdate.from(items.get(0)).withStatus(ItemStatus.DONE, null));
            ItemView second = items.get(1);
            itemWork.update(new ItemUpdate(second.id(), second.version(), second.status(), null, second.assigneeUserId(), second.dueAt(), NOTE,
                    null));
        });
        // The demo's runbook has a draft with an accepted lesson in it; make sure it does here too.
        scope.run(pmoId, acme, () -> {
            if (library.draft(template.id()).isEmpty()) {
                library.startDraft(template.id());
            }
        });
        pmo = new JourneyBrowser(port, "upgrade-pmo");
        pm = new JourneyBrowser(port, "upgrade-pm");
    }

    private Long apply(Long templateId, Long versionId, String projectKey) {
        return as(pmId, () -> {
            Long projectId = projects.list(projectKey, Sort.unsorted(), 0, 5).stream().filter(p -> p.key().equals(projectKey))
                    .map(ProjectRow::id).findFirst().orElseThrow();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Go-live runbook",
                    Anchors.at(LocalDate.now().plusDays(20).atTime(18, 0))));
        });
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        try {
            pmo.close();
        } finally {
            pm.close();
        }
    }

    @Test
    void thePmoRollsVersionTwoOutAndThePmKeepsTheirProgress() throws Exception {
        step("publish-v2", () -> {
            pmo.signIn("pmo@acme.example");
            pmo.click("Templates in the side navigation", () -> pmo.driver().findElements(By.cssSelector("vaadin-side-nav-item"))
                    .stream().filter(i -> pmo.text(i).equals("Templates")).findFirst().orElse(null));
            pmo.until("the runbook in the library", d -> pmo.gridLink(RUNBOOK));
            pmo.click("the runbook", () -> pmo.gridLink(RUNBOOK));
            pmo.until("the runbook's page", d -> pmo.path().matches("/templates/\\d+"));
            pmo.click("Publish draft…", () -> visibleButton(pmo, "Publish draft…"));
            WebElement note = pmo.until("the change note", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), "vaadin-dialog-overlay vaadin-text-area textarea, vaadin-text-area textarea"));
            JourneyBrowser.type(note, "Vendor tasks have a named owner; lessons from ERP-01's rehearsal.");
            WebElement checked = JourneyBrowser.shown(pmo.driver().findElement(By.tagName("body")), "vaadin-checkbox.timings-checked");
            if (checked != null) {
                checked.click();
            }
            pmo.click("Publish", () -> visibleButton(pmo, "Publish"));
            pmo.until("version 2 published", d -> pmo.text(d.findElement(By.tagName("body"))).contains("Version 2"));
        });

        step("drift", () -> {
            pmo.click("the Drift tab", () -> pmo.driver().findElements(By.cssSelector("vaadin-tab")).stream()
                    .filter(t -> pmo.text(t).startsWith("Drift")).findFirst().orElse(null));
            WebElement headline = pmo.until("the drift report", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".drift-headline"));
            // ERP-01 too runs version 1, with a rehearsal under way: three behind, two of them ours to upgrade now.
            pmo.until("three instances behind version 2", d -> pmo.text(headline).contains("3 behind the latest version 2"));
        });

        step("upgrade-both", () -> {
            pmo.click("Select all behind", () -> visibleButton(pmo, "Select all behind"));
            pmo.click("Upgrade 3 selected…", () -> visibleButton(pmo, "Upgrade 3 selected…"));
            WebElement summary = pmo.until("the summary", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".drift-summary, vaadin-dialog-overlay"));
            pmo.until("ERP-01 named as blocked by its run", d -> pmo.text(d.findElement(By.tagName("body"))).contains("ERP-01"));
            pmo.click("Upgrade 2 instances", () -> visibleButton(pmo, "Upgrade 2 instances"));
            pmo.until("both upgraded", d -> d.findElements(By.cssSelector(".drift-upgraded")).size() == 2);
            assertThat(pmo.driver().findElements(By.cssSelector(".drift-upgraded")).stream().map(pmo::text).toList())
                    .anySatisfy(t -> assertThat(t).contains("HR-04")).anySatisfy(t -> assertThat(t).contains("CRM-03"));
        });

        step("pm-sees-what-changed", () -> {
            pm.signIn("pm@acme.example");
            pm.driver().get(pm.url("/instances/" + hrRunbook));
            pm.waitForVaadin();
            pm.until("the runbook on version 2", d -> pm.text(d.findElement(By.tagName("body"))).contains(RUNBOOK + " version 2"));
            pm.click("the upgrade history", () -> JourneyBrowser.shown(pm.driver().findElement(By.tagName("body")), "vaadin-details.upgrade-history"));
            WebElement entry = pm.until("the upgrade in the history", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".upgrade-entry"));
            assertThat(pm.text(entry)).contains("Version 1 → 2").contains("Priya Raman");
            List<ItemView> items = as(pmId, () -> reading.details(hrRunbook).items());
            assertThat(items).filteredOn(i -> i.title().equals(doneStep)).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(ItemStatus.DONE));
            assertThat(items).anySatisfy(i -> assertThat(i.notes()).isEqualTo(NOTE));
            pm.until("the done step shown done", d -> pm.itemTitle(doneStep) != null);
        });
    }

    private static WebElement visibleButton(JourneyBrowser window, String label) {
        return window.driver().findElements(By.cssSelector("vaadin-button")).stream()
                .filter(WebElement::isDisplayed).filter(b -> window.text(b).equals(label)).findFirst().orElse(null);
    }

    private <T> T as(Long userId, Supplier<T> action) {
        return scope.call(userId, acme, action);
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("upgrade-%02d-%s", ++stepNumber, name), action, pmo, pm);
    }
}
