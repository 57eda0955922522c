package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.support.JourneyTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateSection;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;

/**
 * A template improvement rolled out (issue C10): HR-04 and WMS-05 run version 1 of the PMO's ERP
 * go-live runbook for the second wave, HR-04's team has done its first step and noted another,
 * and the PMO has improved the runbook in a draft (a vendor hand-over step). The PMO publishes the
 * draft as version 2, sees on the Drift tab the two projects behind, upgrades both in one action
 * and sees each result; the PM opens HR-04's runbook: on version 2, the new step there, the
 * upgrade in its history, the done step still done and the note still there.
 *
 * <p>The wave-2 runbook is a copy of the demo's ERP runbook made for this journey: the journeys
 * share one application (a second would replace the JVM's security context holder under the
 * first) and its database, and another journey works on the demo runbook's draft.
 */
@JourneyTest
class TemplateUpgradeJourneyTest {

    private static final String DEMO_RUNBOOK = "ERP go-live cutover runbook";
    private static final String RUNBOOK = "ERP go-live cutover runbook, wave 2";
    private static final String NEW_STEP = "Hand over to the vendor's support desk";
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
        // The PMO's wave-2 runbook, version 1: the demo ERP runbook as published.
        var demo = as(pmId, () -> applying.applicableTemplates().stream().filter(t -> t.name().equals(DEMO_RUNBOOK)).findFirst().orElseThrow());
        TemplateContent v1 = scope.call(pmoId, acme, () -> library.publishedContent(demo.latest().id()));
        Long templateId = scope.call(pmoId, acme, () -> {
            Long id = library.create(RUNBOOK, "The ERP runbook for the second wave of projects.", v1, "Copied");
            library.publish(id, "First version for wave 2.");
            return id;
        });
        Long versionOne = as(pmId, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow()
                .latest().id());
        hrRunbook = apply(templateId, versionOne, "HR-04");
        apply(templateId, versionOne, "WMS-05");
        // HR-04's team has started: the first step done, a note on the second.
        List<ItemView> items = as(pmId, () -> reading.details(hrRunbook).items());
        doneStep = items.get(0).title();
        scope.run(pmId, acme, () -> {
            itemWork.update(ItemUpdate.from(items.get(0)).withStatus(ItemStatus.DONE, null));
            ItemView second = items.get(1);
            itemWork.update(new ItemUpdate(second.id(), second.version(), second.status(), null, second.assigneeUserId(), second.dueAt(), NOTE,
                    null));
        });
        // The improvement waits in a draft: a hand-over step at the end of the first section.
        scope.run(pmoId, acme, () -> {
            library.startDraft(templateId);
            TemplateSection first = v1.sections().getFirst();
            List<TemplateItem> withStep = new ArrayList<>(first.items());
            withStep.add(new CutoverStep(UUID.randomUUID(), NEW_STEP, "Walk the vendor's desk through the open tickets.", StepType.TASK, -60, 30,
                    "Cutover manager", List.of(), null, null, false));
            List<TemplateSection> sections = new ArrayList<>(v1.sections());
            sections.set(0, new TemplateSection(first.key(), first.title(), first.role(), withStep));
            library.saveDraft(templateId, library.draft(templateId).orElseThrow().summary().version(),
                    new TemplateContent(v1.kind(), sections, v1.retro(), v1.followsWorkingCalendar()));
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
            pmo.until("two instances behind version 2", d -> pmo.text(headline).contains("2 behind the latest version 2"));
        });

        step("upgrade-both", () -> {
            pmo.click("Select all behind", () -> visibleButton(pmo, "Select all behind"));
            pmo.click("Upgrade 2 selected…", () -> visibleButton(pmo, "Upgrade 2 selected…"));
            pmo.until("the summary", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".drift-summary"));
            pmo.click("Upgrade 2 instances", () -> visibleButton(pmo, "Upgrade 2 instances"));
            pmo.until("both upgraded", d -> d.findElements(By.cssSelector(".drift-upgraded")).size() == 2);
            assertThat(pmo.driver().findElements(By.cssSelector(".drift-upgraded")).stream().map(pmo::text).toList())
                    .anySatisfy(t -> assertThat(t).contains("HR-04")).anySatisfy(t -> assertThat(t).contains("WMS-05"));
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
            pm.until("the done step listed", d -> pm.itemTitle(doneStep) != null);
            pm.until("the new step listed", d -> pm.itemTitle(NEW_STEP) != null);
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
