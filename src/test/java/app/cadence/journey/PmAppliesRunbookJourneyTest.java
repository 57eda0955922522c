package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A project manager applies the ERP cutover runbook to ERP-01, assigns two steps to a developer
 * and completes the first; the developer then finds only the outstanding step in My work and
 * opens it from there.
 *
 * <p>Same set-up as {@link ConsultantSwitchesTenantJourneyTest} (and the same Spring context, so
 * the server starts once for both): the real application on an in-memory database with the demo
 * data, driven by Debian's headless Chromium. Screenshots of every step (and of a failure, with
 * the page source) go to {@code target/journey-screenshots/}, prefixed {@code runbook-}.
 */
@JourneyTest
class PmAppliesRunbookJourneyTest {

    private static final String PM_EMAIL = "pm@acme.example";
    private static final String DEV_EMAIL = "dev@acme.example";
    private static final String DEV_NAME = "Diego Alvarez";
    private static final String PROJECT_KEY = "ERP-01";
    /** The template combo box labels items "kind label · template name". */
    private static final String TEMPLATE = "ERP go-live cutover runbook";
    private static final String TEMPLATE_LABEL = "Cutover runbook · " + TEMPLATE;
    /** Both steps need no evidence, so "Mark done" completes them in one click. */
    private static final String FIRST_STEP = "Confirm cutover team, contact list and bridge line";
    private static final String SECOND_STEP = "Freeze configuration changes and transports";
    /** How the project page shows its key dates. */
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @LocalServerPort
    private int port;

    private JourneyBrowser browser;
    private WebDriver driver;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new JourneyBrowser(port, "pm");
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void pmAppliesRunbookAndDeveloperFindsTheOpenStepInMyWork() {
        // Filled in by the steps: the journey follows the ids the application hands out.
        var project = new Object() { String id; LocalDate goLive; };
        var instance = new Object() { String id; String name; };

        step("pm-signed-in", () -> {
            browser.signIn(PM_EMAIL);
            // A member of one organisation skips the organisation picker.
            assertThat(browser.path()).as("where the PM lands after sign-in").isEqualTo("/projects");
            browser.until("the PM's name in the user menu", d -> browser.userMenuText().contains("Marcus Webb"));
        });

        step("project-page", () -> {
            browser.click("the " + PROJECT_KEY + " link", () -> browser.gridLink(PROJECT_KEY));
            browser.until("the project page", d -> browser.path().matches("/projects/\\d+"));
            project.id = browser.path().substring("/projects/".length());
            browser.waitForVaadin();
            browser.until("the Health card", d -> !d.findElements(By.cssSelector(".card.health-panel")).isEmpty());
            assertThat(driver.findElements(By.xpath("//h3[normalize-space()='Applied templates']"))).isNotEmpty();
            // Kept to check the default T0 on the next page.
            project.goLive = LocalDate.parse(keyDate("Go-live"), KEY_DATE);
        });

        step("apply-form", () -> {
            browser.click("Apply a template", () -> driver.findElement(By.cssSelector("vaadin-button.apply-template")));
            browser.until("the apply page", d -> browser.path().equals("/apply"));
            assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("project=" + project.id);
            browser.waitForVaadin();
            browser.until("the project to be preselected",
                    d -> JourneyBrowser.fieldValue(browser.field(null, "vaadin-combo-box", "Project")).startsWith(PROJECT_KEY + " · "));
        });

        step("template-chosen", () -> {
            chooseInComboBox(browser.field(null, "vaadin-combo-box", "Template"), "ERP go-live", TEMPLATE_LABEL);
            browser.until("the preview of the runbook", d -> browser.text(d.findElement(By.cssSelector(".preview-summary")))
                    .contains("items from " + TEMPLATE));
            browser.until("the preview grid to list the first step", d -> gridCellTexts().contains(FIRST_STEP));
            assertThat(read("the chosen version", () -> browser.text(browser.field(null, "vaadin-select", "Version")
                    .findElement(By.cssSelector("vaadin-select-value-button"))))).as("the latest version is preselected")
                    .endsWith("(latest)");
            // The web component's value is ISO local date-time, e.g. 2027-01-09T18:00.
            String t0 = browser.field(null, "vaadin-date-time-picker", "T0 (switch-over) date and time").getDomProperty("value");
            assertThat(LocalDateTime.parse(t0)).as("T0 defaults to the project's go-live at 18:00")
                    .isEqualTo(project.goLive.atTime(LocalTime.of(18, 0)));
            instance.name = JourneyBrowser.fieldValue(browser.field(null, "vaadin-text-field", "Name"));
            assertThat(instance.name).as("the suggested name").isNotBlank();
        });

        step("instance-created", () -> {
            browser.click("Create", () -> driver.findElement(By.cssSelector("vaadin-button.create-instance")));
            browser.until("the instance page", d -> browser.path().matches("/instances/\\d+"));
            instance.id = browser.path().substring("/instances/".length());
            browser.waitForVaadin();
            browser.until("the instance heading", d -> instance.name.equals(browser.text(d.findElement(By.cssSelector(".instance-view h2")))));
            browser.until("both steps in the tree grid", d -> browser.itemTitle(FIRST_STEP) != null && browser.itemTitle(SECOND_STEP) != null);
            assertThat(read("the section titles", this::sectionTitles)).as("items are grouped by section")
                    .anyMatch(s -> s.startsWith("Preparation · 0 of "));
        });

        step("first-step-assigned", () -> assignToDeveloper(FIRST_STEP));

        step("second-step-assigned", () -> assignToDeveloper(SECOND_STEP));

        step("first-step-done", () -> {
            browser.click("Mark done on the first step", () -> driver.findElement(markDone(FIRST_STEP)));
            browser.until("the first step's status to be Done", d -> rowStatus(FIRST_STEP).equals("Done"));
            assertThat(driver.findElements(markDone(FIRST_STEP))).as("a done step offers no Done button").isEmpty();
            assertThat(read("the second step's status", () -> rowStatus(SECOND_STEP))).as("the second step stays open")
                    .isEqualTo("Open");
            assertThat(read("the section titles", this::sectionTitles)).anyMatch(s -> s.startsWith("Preparation · 1 of "));
        });

        step("pm-signed-out", () -> {
            browser.click("the user menu", () -> driver.findElement(
                    By.cssSelector("vaadin-button.app-user-menu")));
            browser.click("Sign out", () -> userMenuItem("Sign out"));
            browser.until("the sign-in page", d -> browser.path().equals("/login"));
            browser.loginInput("username");
            browser.waitForVaadin();
        });

        step("developer-my-work", () -> {
            browser.signIn(DEV_EMAIL);
            browser.click("My work in the side navigation", () -> driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                    .filter(e -> browser.text(e).equals("My work")).findFirst().orElse(null));
            browser.until("the My work page", d -> browser.path().equals("/my-work"));
            browser.waitForVaadin();
            // Both steps come in the same page of rows, so once the open one is listed the done one would be too.
            List<String> listed = browser.until("the open step in My work", d -> {
                List<String> titles = myWorkLinks(instance.id).stream().map(browser::text).toList();
                return titles.contains(SECOND_STEP) ? titles : null;
            });
            assertThat(listed).as("a done step is not in My work").doesNotContain(FIRST_STEP);
        });

        step("developer-opens-step", () -> {
            browser.click("the open step's link", () -> myWorkLink(instance.id, SECOND_STEP));
            browser.until("the instance page", d -> browser.path().equals("/instances/" + instance.id));
            assertThat(URI.create(driver.getCurrentUrl()).getQuery()).startsWith("item=");
            browser.waitForVaadin();
            WebElement panel = browser.until("the item panel", d -> d.findElements(By.cssSelector(".item-panel")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(browser.text(panel.findElement(By.tagName("h3")))).isEqualTo(SECOND_STEP);
            // A contributor works the status of their own step but cannot hand it to someone else.
            WebElement assignee = browser.field(panel, "vaadin-combo-box", "Assignee");
            assertThat(JourneyBrowser.fieldValue(assignee)).isEqualTo(DEV_NAME);
            assertThat(assignee.getDomAttribute("readonly")).as("the Assignee field is read-only").isNotNull();
            assertThat(browser.field(panel, "vaadin-select", "Status").getDomAttribute("readonly")).as("the Status field is editable")
                    .isNull();
        });
    }

    // --- journey steps -----------------------------------------------------------------------

    /** Opens the step in the item panel, picks the developer as assignee, saves and checks the row. */
    private void assignToDeveloper(String step) {
        browser.clickItemTitle(step);
        WebElement panel = browser.until("the item panel for " + step, d -> d.findElements(By.cssSelector(".item-panel")).stream()
                .filter(p -> p.isDisplayed() && step.equals(browser.text(p.findElement(By.tagName("h3"))))).findFirst().orElse(null));
        chooseInComboBox(browser.field(panel, "vaadin-combo-box", "Assignee"), "Diego", DEV_NAME);
        browser.click("Save", () -> panel.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> browser.text(b).equals("Save")).findFirst().orElse(null));
        browser.until(step + " to show the assignee in its row", d -> rowTexts(step).contains(DEV_NAME));
    }

    // --- steps and screenshots ---------------------------------------------------------------

    private void step(String name, Runnable action) {
        String file = String.format("runbook-%02d-%s", ++stepNumber, name);
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            browser.saveEvidence(file + "-FAILED");
            throw e;
        }
        browser.screenshot(file);
    }

    // --- page helpers ------------------------------------------------------------------------

    /** Reads something off the page, again if Vaadin re-rendered an element while it was being read. */
    private <T> T read(String what, Supplier<T> reading) {
        return browser.until(what, d -> reading.get());
    }

    /**
     * Types {@code filter} into a combo box and clicks the item labelled {@code label}. Clicking
     * rather than pressing Enter: Enter only commits an exact label, and Flow may still be
     * fetching the filtered items when it arrives.
     */
    private void chooseInComboBox(WebElement comboBox, String filter, String label) {
        JourneyBrowser.type(comboBox.findElement(By.cssSelector("input")), filter);
        // Vaadin 25 slots the drop-down's items into the combo box's light DOM.
        browser.click("“" + label + "” in the drop-down", () -> comboBox.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && browser.text(item).equals(label)).findFirst().orElse(null));
        browser.until("the combo box to show " + label, d -> JourneyBrowser.fieldValue(comboBox).equals(label));
    }

    /** The value next to {@code label} on the project page's Key dates card. */
    private String keyDate(String label) {
        return driver.findElements(By.cssSelector(".key-dates .key-date")).stream()
                .filter(line -> browser.text(line.findElement(By.cssSelector(".key-date-label"))).equals(label))
                .map(line -> browser.text(line).substring(label.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no key date " + label));
    }

    /** My work's links to items of the given instance. */
    private List<WebElement> myWorkLinks(String instanceId) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> String.valueOf(a.getDomAttribute("href")).contains("instances/" + instanceId + "?item="))
                .toList();
    }

    /** My work's link to {@code title} in the given instance, or null. */
    private WebElement myWorkLink(String instanceId, String title) {
        return myWorkLinks(instanceId).stream().filter(a -> browser.text(a).equals(title)).findFirst().orElse(null);
    }

    /** The row's one-click "Mark done" button of item {@code title}. */
    private static By markDone(String title) {
        return By.cssSelector("vaadin-button.mark-done[aria-label='Mark “" + title + "” done']");
    }

    private List<String> sectionTitles() {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content .section-title")).stream().map(browser::text).toList();
    }

    /** The texts of the cells in the row of item {@code title}. */
    private List<String> rowTexts(String title) {
        return rowCells(title).stream().map(browser::text).toList();
    }

    /** The status badge's text in the row of item {@code title} . */
    private String rowStatus(String title) {
        return rowCells(title).stream().flatMap(c -> c.findElements(By.cssSelector(".item-status")).stream())
                .map(browser::text).findFirst().orElse("");
    }

    /**
     * The cell contents of the row of item {@code title}. They are light-DOM children of the grid,
     * slotted into the cells of the row; only the grid's shadow DOM knows which belong to a row.
     */
    @SuppressWarnings("unchecked")
    private List<WebElement> rowCells(String title) {
        return (List<WebElement>) browser.js().executeScript("""
                const title = arguments[0];
                const button = Array.from(document.querySelectorAll('vaadin-grid-cell-content vaadin-button.item-title'))
                    .find(b => b.textContent.trim() === title);
                if (!button) { return []; }
                const content = button.closest('vaadin-grid-cell-content');
                const grid = content.closest('vaadin-grid');
                const slot = grid.shadowRoot.querySelector(`slot[name="${content.getAttribute('slot')}"]`);
                const row = slot && slot.closest('tr');
                return row ? Array.from(row.querySelectorAll('slot')).flatMap(s => s.assignedElements()) : [];
                """, title);
    }

    @SuppressWarnings("unchecked")
    private List<String> gridCellTexts() {
        return (List<String>) browser.js().executeScript("""
                return Array.from(document.querySelectorAll('vaadin-grid vaadin-grid-cell-content'))
                    .map(c => c.textContent.trim()).filter(t => t.length > 0);
                """);
    }

    /** An item of the open user menu (a context menu: its items are light-DOM {@code vaadin-context-menu-item}s). */
    private WebElement userMenuItem(String text) {
        return driver.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                .filter(e -> e.isDisplayed() && text.equals(browser.text(e))).findFirst().orElse(null);
    }
}
