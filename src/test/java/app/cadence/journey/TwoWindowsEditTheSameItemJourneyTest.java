package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two browser windows edit the same item and the second to save is shown the conflict: the PM
 * (window A) and the PMO (window B) open the same step of CLOUD-02's cutover rehearsal; B types a
 * note, A saves one first: B's screen says at once that A changed the item and leaves B's input
 * alone (live updates), B's save is refused with a message naming A, B's note stays in the form,
 * and "Show their version" brings up A's note.
 *
 * <p>Same set-up as the other journeys (and the same Spring context, so the server starts once
 * for all): the real application on an in-memory database with the demo data, driven by two
 * headless Chromium sessions that share nothing. Uses the demo data's "Cutover rehearsal 1", which
 * no other journey touches. Screenshots of both windows at every step (and of a failure, with the
 * page sources) go to {@code target/journey-screenshots/}, prefixed {@code conflict-}.
 */
@JourneyTest
class TwoWindowsEditTheSameItemJourneyTest {

    private static final String PM_EMAIL = "pm@acme.example";
    private static final String PM_NAME = "Marcus Webb";
    private static final String PMO_EMAIL = "pmo@acme.example";
    private static final String PMO_NAME = "Priya Raman";
    private static final String PROJECT_KEY = "CLOUD-02";
    private static final String INSTANCE = "Cutover rehearsal 1";
    /** The rehearsal's step left over (overdue and open), whose notes nobody has written yet. */
    private static final String STEP = "Watch costs, performance and errors daily";
    private static final String PM_NOTE = "Cost dashboard shared with the CAB; egress is 20% above the estimate.";
    private static final String PMO_NOTE = "Add the weekly cost review to the steering committee pack.";
    /** The message gives the time of A's save, e.g. "25 Nov 2026, 21:04 GMT", in the organisation's zone. */
    private static final String CONFLICT = PM_NAME + " saved this item at .*\\d{2}:\\d{2}.* while you were editing it\\..*";

    @LocalServerPort
    private int port;

    /** Window A: the PM, who saves first. */
    private JourneyBrowser pm;
    /** Window B: the PMO, who loaded the item before the PM saved. */
    private JourneyBrowser pmo;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowsers() throws IOException {
        pm = new JourneyBrowser(port, "A-pm");
        pmo = new JourneyBrowser(port, "B-pmo");
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        // JUnit runs this even when starting the second browser failed.
        try {
            if (pm != null) {
                pm.close();
            }
        } finally {
            if (pmo != null) {
                pmo.close();
            }
        }
    }

    @Test
    void theSecondWindowToSaveIsShownTheConflictAndKeepsItsInput() throws Exception {
        // Filled in by the steps: the journey follows the ids the application hands out.
        var instance = new Object() { String id; };
        var item = new Object() { String status; };

        step("signed-in", () -> {
            signIn(pm, PM_EMAIL, PM_NAME, "/projects");
            signIn(pmo, PMO_EMAIL, PMO_NAME, "/portfolio"); // directors land on the portfolio
        });

        step("instance-page", () -> {
            instance.id = openRehearsal(pm);
            assertThat(openRehearsal(pmo)).as("both windows are on the same instance").isEqualTo(instance.id);
        });

        step("item-open", () -> {
            WebElement a = openStep(pm);
            WebElement b = openStep(pmo);
            // Both windows now hold the same version of the item.
            item.status = pm.selectedLabel(pm.field(a, "vaadin-select", "Status"));
            assertThat(pmo.selectedLabel(pmo.field(b, "vaadin-select", "Status"))).isEqualTo(item.status);
            assertThat(JourneyBrowser.fieldValue(pm.field(a, "vaadin-text-area", "Notes"))).as("no notes yet").isEmpty();
            assertThat(JourneyBrowser.fieldValue(pmo.field(b, "vaadin-text-area", "Notes"))).isEmpty();
        });

        step("b-typed", () -> {
            WebElement b = pmo.itemPanel(STEP);
            assertThat(JourneyBrowser.fieldValue(pmo.field(b, "vaadin-text-area", "Notes"))).isEmpty();
            // B types first and has not saved when A saves.
            typeNote(pmo, b, PMO_NOTE);
            pmo.waitForVaadin();
        });

        step("a-saved", () -> {
            WebElement a = pm.itemPanel(STEP);
            typeNote(pm, a, PM_NOTE);
            pm.click("Save", () -> pm.button(a, "Save"));
            pm.until("“Saved.” in the panel", d -> {
                WebElement saved = JourneyBrowser.shown(a, ".item-saved");
                return saved != null && pm.text(saved).equals("Saved.");
            });
            assertThat(JourneyBrowser.fieldValue(pm.field(a, "vaadin-text-area", "Notes"))).isEqualTo(PM_NOTE);
            assertThat(JourneyBrowser.shown(a, ".item-conflict")).as("no conflict for the first to save").isNull();
        });

        step("b-told", () -> {
            // B's screen follows A's save at once, but B's unsaved input is not overwritten: a notice says who changed the item.
            WebElement b = pmo.itemPanel(STEP);
            String notice = pmo.until("the notice that A changed the item", d -> {
                WebElement shown = JourneyBrowser.shown(b, ".item-live-notice");
                return shown == null ? null : pmo.text(shown);
            });
            assertThat(notice).startsWith(PM_NAME + " changed this item");
            assertThat(JourneyBrowser.fieldValue(pmo.field(b, "vaadin-text-area", "Notes"))).as("B's input is kept").isEqualTo(PMO_NOTE);
        });

        step("b-conflict", () -> {
            WebElement b = pmo.itemPanel(STEP);
            pmo.click("Save", () -> pmo.button(b, "Save"));
            String message = pmo.until("the conflict message", d -> {
                WebElement conflict = JourneyBrowser.shown(b, ".item-conflict");
                return conflict == null ? null : pmo.text(conflict);
            });
            assertThat(message).as("the conflict names who saved first, and when").matches(CONFLICT);
            assertThat(JourneyBrowser.fieldValue(pmo.field(b, "vaadin-text-area", "Notes"))).as("B's input is kept")
                    .isEqualTo(PMO_NOTE);
            assertThat(JourneyBrowser.shown(b, ".item-saved")).as("nothing was saved").isNull();
            assertThat(pmo.button(b, "Show their version").isDisplayed()).as("“Show their version” is offered").isTrue();
        });

        step("b-their-version", () -> {
            WebElement b = pmo.itemPanel(STEP);
            pmo.click("Show their version", () -> pmo.button(b, "Show their version"));
            pmo.until("A's note in B's Notes field",
                    d -> JourneyBrowser.fieldValue(pmo.field(b, "vaadin-text-area", "Notes")).equals(PM_NOTE));
            pmo.until("the conflict message to go", d -> JourneyBrowser.shown(b, ".item-conflict") == null);
            assertThat(pmo.selectedLabel(pmo.field(b, "vaadin-select", "Status"))).isEqualTo(item.status);
            assertThat(pmo.text(JourneyBrowser.shown(b, ".item-kept-input"))).as("B's unsaved note stays on screen")
                    .contains(PMO_NOTE);
            assertThat(pmo.text(JourneyBrowser.shown(b, ".item-kept-input"))).as("B's unsaved note stays on screen")
                    .contains(PMO_NOTE);
        });
    }

    // --- journey steps -----------------------------------------------------------------------

    private static void signIn(JourneyBrowser window, String email, String name, String landing) {
        window.signIn(email);
        // A member of one organisation skips the organisation picker.
        assertThat(window.path()).as("where %s lands after sign-in", email).isEqualTo(landing);
        window.until(name + "'s name in the user menu", d -> window.userMenuText().contains(name));
    }

    /** From the landing page (projects or portfolio) to the project page, then to the rehearsal; answers the instance id. */
    private static String openRehearsal(JourneyBrowser window) {
        window.click("the " + PROJECT_KEY + " link", () -> window.gridLink(PROJECT_KEY));
        window.until("the project page", d -> window.path().matches("/projects/\\d+"));
        window.waitForVaadin();
        window.click("the " + INSTANCE + " link in Applied templates", () -> window.gridLink(INSTANCE));
        window.until("the instance page", d -> window.path().matches("/instances/\\d+"));
        window.waitForVaadin();
        window.until("the instance heading",
                d -> INSTANCE.equals(window.text(d.findElement(By.cssSelector(".instance-view h2")))));
        window.until("the step in the tree grid", d -> window.itemTitleScrollingDown(STEP) != null);
        return window.path().substring("/instances/".length());
    }

    private static WebElement openStep(JourneyBrowser window) {
        window.clickItemTitle(STEP);
        WebElement panel = window.itemPanel(STEP);
        window.waitForVaadin();
        return panel;
    }

    private static void typeNote(JourneyBrowser window, WebElement panel, String note) {
        JourneyBrowser.type(JourneyBrowser.nativeInput(window.field(panel, "vaadin-text-area", "Notes")), note);
        window.until("the note in the Notes field",
                d -> JourneyBrowser.fieldValue(window.field(panel, "vaadin-text-area", "Notes")).equals(note));
    }

    // --- steps and screenshots ---------------------------------------------------------------

    /** Runs a step, then screenshots both windows; a failed step leaves both windows' evidence. */
    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("conflict-%02d-%s", ++stepNumber, name), action, pm, pmo);
    }
}
