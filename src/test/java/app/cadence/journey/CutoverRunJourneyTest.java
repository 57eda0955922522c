package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.support.JourneyTest;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.service.InstanceReading;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Cutover night in three browsers (issue C7). The PM starts a rehearsal of CLOUD-02's runbook;
 * Diego, the network engineer, sees his step on his own screen, starts and finishes it, and the
 * PM's screen shows it within a second without reload; the PMO and the PM vote GO at the
 * go/no-go and the decision shows everywhere. On a second rehearsal the PMO votes NO-GO and the PM
 * invokes rollback, which Diego's open screen shows at once. What is not the subject of the
 * journey (the roster, the steps before the checkpoint) is set up through the services.
 *
 * <p>Same set-up as the other journeys. Screenshots go to {@code target/journey-screenshots/},
 * prefixed {@code cutover-}.
 */
@JourneyTest
class CutoverRunJourneyTest {

    private static final String FIRST_STEP = "Lower DNS TTLs for the application's records";
    private static final String REPLICA = "Confirm database replication to the cloud is in sync";
    private static final String GATE = "Go/no-go: replication lag, landing zone checks, rollback plan rehearsed";

    @LocalServerPort
    private int port;

    @Autowired TenantScope scope;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository accounts;
    @Autowired ProjectService projects;
    @Autowired InstanceReading instances;
    @Autowired CutoverRuns runs;
    @Autowired RunStepWork steps;
    @Autowired GoNoGoVoting voting;
    @Autowired RunReading reading;

    /** Where the PM's Chromium saves the run report; JUnit deletes it after the browser has closed. */
    @org.junit.jupiter.api.io.TempDir
    private java.nio.file.Path downloads;

    private JourneyBrowser pm;
    private JourneyBrowser dev;
    private JourneyBrowser pmo;
    private int stepNumber;
    private Long acme;
    private Long pmId;
    private Long devId;
    private Long pmoId;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowsers() throws IOException {
        pm = new JourneyBrowser(port, "A-pm", downloads);
        dev = new JourneyBrowser(port, "B-dev");
        pmo = new JourneyBrowser(port, "C-pmo");
        acme = tenants.findBySlug("acme").orElseThrow().getId();
        pmId = accounts.findByEmail("pm@acme.example").orElseThrow().getId();
        devId = accounts.findByEmail("dev@acme.example").orElseThrow().getId();
        pmoId = accounts.findByEmail("pmo@acme.example").orElseThrow().getId();
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        try {
            pm.close();
        } finally {
            try {
                dev.close();
            } finally {
                pmo.close();
            }
        }
    }

    @Test
    void aRehearsalIsRunOnEveryonesScreenAndANoGoLeadsToRollback() throws Exception {
        Long runId = rehearsal();

        step("started", () -> {
            pm.signIn("pm@acme.example");
            pm.driver().get(pm.url("/runs/" + runId));
            pm.click("Start the run", () -> visibleButton(pm, "Start the run"));
            pm.click("Start now", () -> visibleButton(pm, "Start now"));
            pm.until("the run running", d -> text(pm, ".run-view .status-badge").contains("Running"));
        });

        step("contributor-works-his-step", () -> {
            dev.signIn("dev@acme.example");
            dev.driver().get(dev.url("/runs/" + runId));
            dev.click("Start on Diego's card", () -> cardAction(dev, "Start", FIRST_STEP));
            dev.until("the step in progress", d -> cardAction(dev, "Done", FIRST_STEP) != null);
            String before = text(pm, ".run-progress-text");
            pm.js().executeScript("""
                    window.__progressChangedAt = 0;
                    new MutationObserver(() => { if (!window.__progressChangedAt) { window.__progressChangedAt = Date.now(); } })
                        .observe(document.querySelector('.run-progress-text'), {childList: true, characterData: true, subtree: true});
                    """);
            WebElement done = cardAction(dev, "Done", FIRST_STEP);
            dev.js().executeScript("arguments[0].addEventListener('click', () => window.__clickedAt = Date.now(), true);", done);
            dev.click("Done on Diego's card", () -> cardAction(dev, "Done", FIRST_STEP));
            pm.until("the PM's screen to show it, without reload", d -> !text(pm, ".run-progress-text").equals(before));
            long changedAt = ((Number) pm.js().executeScript("return window.__progressChangedAt;")).longValue();
            long clickedAt = ((Number) dev.js().executeScript("return window.__clickedAt;")).longValue();
            System.out.println("[journey] The PM's run screen showed Diego's step done " + (changedAt - clickedAt) + " ms after his click");
            assertThat(changedAt - clickedAt).as("from Diego's click to the PM's screen").isLessThan(1000);
            assertThat(stateOf(runId, FIRST_STEP)).isEqualTo(StepState.DONE);
        });

        // The replication check is the PM's (as DBA), with evidence: done through the service.
        as(pmId, () -> steps.complete(runId, key(runId, REPLICA), "https://intranet.acme.example/replication-lag.png", null));

        step("two-approvers-vote-go", () -> {
            pmo.signIn("pmo@acme.example");
            pmo.driver().get(pmo.url("/runs/" + runId));
            vote(pm, "GO", "Vote go", null);
            vote(pmo, "GO", "Vote go", null);
            for (JourneyBrowser window : List.of(pm, pmo, dev)) {
                window.until("the decision GO on every screen", d -> text(window, ".decision-outcome").startsWith("Go"));
            }
            assertThat(stateOf(runId, GATE)).isEqualTo(StepState.DONE);
        });

        step("run-report", () -> {
            pm.click("Run report (PDF)", () -> JourneyBrowser.shown(pm.driver().findElement(By.tagName("body")), "a.export-run-report"));
            java.nio.file.Path pdf = pm.until("the run report in " + downloads, d -> {
                try (var files = java.nio.file.Files.list(downloads)) {
                    List<java.nio.file.Path> done = files.filter(f -> f.toString().endsWith(".pdf")).toList();
                    return done.size() == 1 && java.nio.file.Files.size(done.getFirst()) > 0 ? done.getFirst() : null;
                } catch (IOException e) {
                    return null;
                }
            });
            String text = app.cadence.support.PdfText.of(java.nio.file.Files.readAllBytes(pdf));
            assertThat(text).contains("CLOUD-02", "Rehearsal", "Diego Alvarez", "Priya Raman", "Marcus Webb", "T−");
            assertThat(text.replaceAll("\\s+", " ")).contains("Lower DNS TTLs");
        });

        Long second = rehearsal();
        as(pmId, () -> runs.start(second));
        as(devId, () -> steps.complete(second, key(second, FIRST_STEP), null, null));
        as(pmId, () -> steps.complete(second, key(second, REPLICA), "https://intranet.acme.example/replication-lag-2.png", null));

        step("no-go-and-rollback", () -> {
            dev.driver().get(dev.url("/runs/" + second));
            pmo.driver().get(pmo.url("/runs/" + second));
            pm.driver().get(pm.url("/runs/" + second));
            vote(pmo, "NO-GO", "Vote no-go", "Replication lag at 12 minutes");
            vote(pm, "GO", "Vote go", null);
            pm.until("the decision NO-GO", d -> text(pm, ".decision-outcome").startsWith("No-go"));
            pm.click("Invoke rollback…", () -> visibleButton(pm, "Invoke rollback…"));
            JourneyBrowser.type(JourneyBrowser.nativeInput(pm.field(null, "vaadin-text-area", "Why roll back?")), "No-go at the checkpoint");
            pm.click("Invoke rollback", () -> visibleButton(pm, "Invoke rollback"));
            dev.until("the rollback banner on Diego's open screen", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".run-banner-rollback") != null);
            assertThat(text(dev, ".run-banner-rollback")).contains("Rollback invoked by Marcus Webb", "No-go at the checkpoint");
        });
    }

    /** A new rehearsal of CLOUD-02's runbook, planned to begin now, with its roster and approvers. */
    private Long rehearsal() {
        Long instanceId = as(pmId, () -> {
            Long projectId = projects.list("CLOUD-02", Sort.unsorted(), 0, 1).stream().map(ProjectRow::id).findFirst().orElseThrow();
            return instances.instancesOf(projectId).stream().filter(i -> i.name().equals("Cutover rehearsal 1")).map(InstanceProgress::id)
                    .findFirst().orElseThrow();
        });
        return as(pmId, () -> {
            Long runId = runs.scheduleRehearsal(instanceId, null);
            RunScreen screen = reading.screen(runId, 1);
            runs.reschedule(runId, Instant.now().plus(Duration.between(screen.header().plannedStart(), screen.header().plannedT0())));
            for (RunScreen.RoleHolders role : reading.screen(runId, 1).roster()) {
                runs.assignRole(runId, role.role(), switch (role.role()) {
                    case "Network engineer" -> List.of(devId);
                    case "Change advisory board" -> List.of(pmoId, pmId);
                    default -> List.of(pmId);
                });
            }
            return runId;
        });
    }

    private void vote(JourneyBrowser window, String button, String confirm, String comment) {
        window.click(button, () -> visibleButton(window, button));
        if (comment != null) {
            JourneyBrowser.type(JourneyBrowser.nativeInput(window.field(null, "vaadin-text-area", "Why is it a no-go?")), comment);
        }
        window.click(confirm, () -> visibleButton(window, confirm));
        window.waitForVaadin();
    }

    private UUID key(Long runId, String title) {
        return as(pmId, () -> reading.screen(runId, 1)).steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().key();
    }

    private StepState stateOf(Long runId, String title) {
        return as(pmId, () -> reading.screen(runId, 1)).steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().state();
    }

    private static WebElement cardAction(JourneyBrowser window, String action, String title) {
        String label = action + " “" + title + "”";
        return window.driver().findElements(By.cssSelector(".now-board vaadin-button.now-card-action")).stream()
                .filter(b -> label.equals(b.getDomAttribute("aria-label"))).filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** A displayed button with this text anywhere on the page, dialogs included. */
    private static WebElement visibleButton(JourneyBrowser window, String label) {
        return window.driver().findElements(By.cssSelector("vaadin-button")).stream()
                .filter(WebElement::isDisplayed).filter(b -> window.text(b).equals(label)).findFirst().orElse(null);
    }

    private static String text(JourneyBrowser window, String css) {
        WebElement element = JourneyBrowser.shown(window.driver().findElement(By.tagName("body")), css);
        return element == null ? "" : window.text(element);
    }

    private <T> T as(Long userId, Supplier<T> action) {
        return scope.call(userId, acme, action);
    }

    private void as(Long userId, Runnable action) {
        scope.run(userId, acme, action);
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("cutover-%02d-%s", ++stepNumber, name), action, pm, dev, pmo);
    }
}
