package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.live.Channel;
import app.cadence.live.LiveUpdates;
import app.cadence.live.Topic;
import app.cadence.support.JourneyTest;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.project.domain.ProjectRow;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.project.service.ProjectService;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import com.vaadin.flow.shared.Registration;
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
 * Screens follow the data: pm@acme ticks a step of CLOUD-02's cutover rehearsal while pmo@acme
 * has the same runbook open; the PMO's screen shows the step done and the new progress within a
 * second, with no reload (the delay from the PM's click to the PMO's screen changing is printed).
 * Meanwhile pm@globex, with an instance page of Globex open, receives nothing: its browser makes
 * no request, which it would to reload.
 *
 * <p>Same set-up as the other journeys (one server for all). Screenshots go to
 * {@code target/journey-screenshots/}, prefixed {@code live-}.
 */
@JourneyTest
class ScreensFollowChangesJourneyTest {

    private static final String PROJECT_KEY = "CLOUD-02";
    private static final String INSTANCE = "Cutover rehearsal 1";
    /** The step the two-windows journey writes notes on: left alone here. */
    static final String OTHER_JOURNEYS_STEP = "Watch costs, performance and errors daily";
    private static final String GLOBEX_INSTANCE = "Live updates check";

    @LocalServerPort
    private int port;

    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ProjectService projects;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository accounts;
    @Autowired LiveUpdates live;

    private JourneyBrowser pm;
    private JourneyBrowser pmo;
    private JourneyBrowser globex;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowsers() throws IOException {
        pm = new JourneyBrowser(port, "A-pm");
        pmo = new JourneyBrowser(port, "B-pmo");
        globex = new JourneyBrowser(port, "C-globex");
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        try {
            pm.close();
        } finally {
            try {
                pmo.close();
            } finally {
                globex.close();
            }
        }
    }

    /** Globex's demo data has no instance yet: its PM applies a template to GLX-FIN, as the app would. */
    private Long globexInstance() {
        Long tenantId = tenants.findBySlug("globex").orElseThrow().getId();
        Long userId = accounts.findByEmail("pm@globex.example").orElseThrow().getId();
        return scope.call(userId, tenantId, () -> {
            Long projectId = projects.list("GLX-FIN", Sort.unsorted(), 0, 1).stream().map(ProjectRow::id).findFirst().orElseThrow();
            return reading.instancesOf(projectId).stream().filter(i -> i.name().equals(GLOBEX_INSTANCE)).map(InstanceProgress::id)
                    .findFirst().orElseGet(() -> {
                        var template = applying.applicableTemplates().stream()
                                .filter(t -> t.name().equals("Cloud migration cutover")).findFirst().orElseThrow();
                        return applying.instantiate(new InstantiationRequest(projectId, template.id(), template.latest().id(),
                                GLOBEX_INSTANCE, Anchors.at(LocalDateTime.now().plusDays(10).withSecond(0).withNano(0))));
                    });
        });
    }

    @Test
    void theOtherWindowShowsTheTickedStepWithinASecondAndAnotherTenantHearsNothing() throws Exception {
        Long globexInstanceId = globexInstance();
        var state = new Object() { String step; String progressBefore; long requestsBefore; Long instanceId; };

        step("signed-in", () -> {
            pm.signIn("pm@acme.example");
            pmo.signIn("pmo@acme.example");
            globex.signIn("pm@globex.example");
        });

        step("pages-open", () -> {
            openRehearsal(pm);
            state.instanceId = Long.valueOf(openRehearsal(pmo));
            globex.driver().get(globex.url("/instances/" + globexInstanceId));
            globex.waitForVaadin();
            globex.until("Globex's instance heading", d -> GLOBEX_INSTANCE.equals(globex.text(d.findElement(By.cssSelector(".instance-view h2")))));
        });

        step("step-chosen", () -> {
            state.step = prepareToTickAnOpenStep(pm, pmo);
            state.progressBefore = progress(pmo);
            assertThat(progress(pm)).isEqualTo(state.progressBefore);
            globex.waitForVaadin();
            // From here on every request Globex's page makes is listed (the buffer starts empty, so none is dropped).
            globex.js().executeScript("performance.clearResourceTimings();");
            state.requestsBefore = uidlRequests(globex);
            // The PMO's page notes when its progress text changes (the browser's clock, which is this machine's).
            pmo.js().executeScript("""
                    const text = document.querySelector('.instance-view .progress-text');
                    window.__progressChangedAt = 0;
                    new MutationObserver(() => { if (!window.__progressChangedAt) { window.__progressChangedAt = Date.now(); } })
                        .observe(text, {childList: true, characterData: true, subtree: true});
                    """);
        });

        step("ticked", () -> {
            WebElement panel = pm.itemPanel(state.step);
            // When the change commits: the broadcaster hears of it right after the commit, on this machine's clock.
            List<Long> committedAt = new CopyOnWriteArrayList<>();
            Registration commits = live.register(new Channel(acmeTenantId(), Topic.instance(state.instanceId)),
                    m -> committedAt.add(System.currentTimeMillis()));
            pm.js().executeScript("arguments[0].addEventListener('click', () => window.__clickedAt = Date.now(), true);", pm.button(panel, "Save"));
            try {
                pm.click("Save", () -> pm.button(panel, "Save"));
                pm.until("the step done in the PM's window", d -> markDone(pm, state.step) == null);
            } finally {
                commits.remove();
            }
            pm.until("the step done in the PM's window", d -> markDone(pm, state.step) == null);

            String after = pmo.until("the new progress in the PMO's window, without reload", d -> {
                String now = progress(pmo);
                return now.equals(state.progressBefore) ? null : now;
            });
            long changedAt = ((Number) pmo.js().executeScript("return window.__progressChangedAt;")).longValue();
            long clickedAt = ((Number) pm.js().executeScript("return window.__clickedAt;")).longValue();
            assertThat(committedAt).as("one commit announced").hasSize(1);
            long fromCommit = changedAt - committedAt.getFirst();
            System.out.println("Live update: the PMO's screen showed the ticked step " + fromCommit + " ms after the commit ("
                    + (changedAt - clickedAt) + " ms after the PM clicked Save)");
            assertThat(fromCommit).as("from the commit to the PMO's screen").isLessThan(1000);
            assertThat(done(after)).isEqualTo(done(state.progressBefore) + 1);
            pmo.until("the step done in the PMO's window", d -> markDone(pmo, state.step) == null);
            assertThat(pmo.js().executeScript("return window.__progressChangedAt > 0;")).as("the same page, not reloaded").isEqualTo(true);
        });

        step("globex-heard-nothing", () -> {
            globex.waitForVaadin();
            assertThat(uidlRequests(globex)).as("Globex's window made no request: nothing was pushed to it")
                    .isEqualTo(state.requestsBefore);
            assertThat(globex.path()).isEqualTo("/instances/" + globexInstanceId);
        });
    }

    // --- journey steps -----------------------------------------------------------------------

    static String openRehearsal(JourneyBrowser window) {
        window.click("the " + PROJECT_KEY + " link", () -> window.gridLink(PROJECT_KEY));
        window.until("the project page", d -> window.path().matches("/projects/\\d+"));
        window.waitForVaadin();
        window.click("the " + INSTANCE + " link in Applied templates", () -> window.gridLink(INSTANCE));
        window.until("the instance page", d -> window.path().matches("/instances/\\d+"));
        window.waitForVaadin();
        window.until("the instance heading", d -> INSTANCE.equals(window.text(d.findElement(By.cssSelector(".instance-view h2")))));
        return window.path().substring("/instances/".length());
    }

    private Long acmeTenantId() {
        return tenants.findBySlug("acme").orElseThrow().getId();
    }

    /** The step's "Mark done" button, or null once it is done. */
    /**
     * Readies the PM's window to tick an open step of the rehearsal that both windows show: scrolls
     * to the end of the runbook (its open steps are the later ones), picks one the other journeys
     * leave alone, and — the step needs evidence — fills in the item panel's evidence link and
     * chooses Done, short of saving. Returns the step's title.
     */
    /**
     * The cloud runbook's rollback steps: they count towards no progress until rollback is
     * invoked, so ticking one moves no progress for the other window to show.
     */
    static final java.util.Set<String> ROLLBACK_STEPS = java.util.Set.of("Point DNS back to the on-premises load balancer",
            "Make the on-premises database primary again");

    static String prepareToTickAnOpenStep(JourneyBrowser pm, JourneyBrowser pmo) {
        return prepareToTickAnOpenStep(pm, pmo, title -> !title.equals(OTHER_JOURNEYS_STEP));
    }

    /** The same, for an open step whose title {@code eligible} accepts (a journey on a database of its own may take any). */
    static String prepareToTickAnOpenStep(JourneyBrowser pm, JourneyBrowser pmo, Predicate<String> eligible) {
        for (JourneyBrowser window : new JourneyBrowser[] {pm, pmo}) {
            window.js().executeScript("document.querySelector('.instance-view vaadin-grid').scrollToIndex(10000);");
        }
        String step = pm.until("an open step to tick", d -> d.findElements(By.cssSelector("vaadin-grid-cell-content vaadin-button.item-title"))
                .stream().filter(WebElement::isDisplayed).map(pm::text)
                .filter(title -> !ROLLBACK_STEPS.contains(title) && eligible.test(title) && markDone(pm, title) != null)
                .findFirst().orElse(null));
        pmo.until("the same step in the PMO's window", d -> markDone(pmo, step) != null);
        pm.clickItemTitle(step);
        WebElement panel = pm.itemPanel(step);
        JourneyBrowser.type(JourneyBrowser.nativeInput(pm.field(panel, "vaadin-text-field", "Evidence link")),
                "https://intranet.acme.example/cutover/decommissioning-record");
        pm.click("the Status select", () -> pm.field(panel, "vaadin-select", "Status"));
        pm.click("Done in the Status list", () -> pm.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(WebElement::isDisplayed).filter(i -> pm.text(i).equals("Done")).findFirst().orElse(null));
        pm.until("Done chosen", d -> pm.selectedLabel(pm.field(panel, "vaadin-select", "Status")).equals("Done"));
        pm.waitForVaadin();
        return step;
    }

    static WebElement markDone(JourneyBrowser window, String title) {
        String label = "Mark “" + title + "” done";
        return window.driver().findElements(By.cssSelector("vaadin-grid-cell-content vaadin-button.mark-done")).stream()
                .filter(b -> label.equals(b.getDomAttribute("aria-label"))).findFirst().orElse(null);
    }

    static String progress(JourneyBrowser window) {
        return window.text(window.driver().findElement(By.cssSelector(".instance-view .progress-text")));
    }

    /** "12 of 116 done (10%) …" → 12. */
    static int done(String progress) {
        return Integer.parseInt(progress.substring(0, progress.indexOf(' ')));
    }

    /** Vaadin requests the page has made so far: a pushed refresh would make one. */
    private static long uidlRequests(JourneyBrowser window) {
        return ((Number) window.js().executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=uidl')).length;")).longValue();
    }

    // --- steps and screenshots ---------------------------------------------------------------

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("live-%02d-%s", ++stepNumber, name), action, pm, pmo, globex);
    }
}
