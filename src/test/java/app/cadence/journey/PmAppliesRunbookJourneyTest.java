package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
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
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cadence.demo-data=true",
        "spring.datasource.url=jdbc:h2:mem:cadence-journey;DB_CLOSE_DELAY=-1",
        // Dev mode's tools and Copilot overlay the header and would intercept clicks.
        "vaadin.devmode.devTools.enabled=false"})
class PmAppliesRunbookJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    private static final String PASSWORD = "cadence-demo";
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

    /** See {@link ConsultantSwitchesTenantJourneyTest}: Selenium's CDP warning is noise here. */
    private static final List<Logger> QUIET_LOGGERS = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    @LocalServerPort
    private int port;

    private WebDriver driver;
    private Path userDataDir;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser journey skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                        + "(Debian packages chromium and chromium-driver; .ci/run installs them).");
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    @BeforeEach
    void startBrowser() throws IOException {
        userDataDir = Files.createTempDirectory("cadence-journey-chromium-");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        // Naming the browser and the driver keeps Selenium Manager out of it: nothing is downloaded.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (userDataDir != null) {
            try (var paths = Files.walk(userDataDir)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void pmAppliesRunbookAndDeveloperFindsTheOpenStepInMyWork() {
        // Filled in by the steps: the journey follows the ids the application hands out.
        var project = new Object() { String id; LocalDate goLive; };
        var instance = new Object() { String id; String name; };

        step("pm-signed-in", () -> {
            signIn(PM_EMAIL);
            // A member of one organisation skips the organisation picker.
            assertThat(path()).as("where the PM lands after sign-in").isEqualTo("/projects");
            until("the PM's name in the user menu", d -> userMenuText().contains("Marcus Webb"));
        });

        step("project-page", () -> {
            click("the " + PROJECT_KEY + " link", () -> gridLink(PROJECT_KEY));
            until("the project page", d -> path().matches("/projects/\\d+"));
            project.id = path().substring("/projects/".length());
            waitForVaadin();
            until("the Health card", d -> !d.findElements(By.cssSelector(".card.health-panel")).isEmpty());
            assertThat(driver.findElements(By.xpath("//h3[normalize-space()='Applied templates']"))).isNotEmpty();
            // Kept to check the default T0 on the next page.
            project.goLive = LocalDate.parse(keyDate("Go-live"), KEY_DATE);
        });

        step("apply-form", () -> {
            click("Apply a template", () -> driver.findElement(By.cssSelector("vaadin-button.apply-template")));
            until("the apply page", d -> path().equals("/apply"));
            assertThat(URI.create(driver.getCurrentUrl()).getQuery()).isEqualTo("project=" + project.id);
            waitForVaadin();
            until("the project to be preselected",
                    d -> fieldValue(field(null, "vaadin-combo-box", "Project")).startsWith(PROJECT_KEY + " · "));
        });

        step("template-chosen", () -> {
            chooseInComboBox(field(null, "vaadin-combo-box", "Template"), "ERP go-live", TEMPLATE_LABEL);
            until("the preview of the runbook", d -> text(d.findElement(By.cssSelector(".preview-summary")))
                    .contains("items from " + TEMPLATE));
            until("the preview grid to list the first step", d -> gridCellTexts().contains(FIRST_STEP));
            assertThat(read("the chosen version", () -> text(field(null, "vaadin-select", "Version")
                    .findElement(By.cssSelector("vaadin-select-value-button"))))).as("the latest version is preselected")
                    .endsWith("(latest)");
            // The web component's value is ISO local date-time, e.g. 2027-01-09T18:00.
            String t0 = field(null, "vaadin-date-time-picker", "T0 (switch-over) date and time").getDomProperty("value");
            assertThat(LocalDateTime.parse(t0)).as("T0 defaults to the project's go-live at 18:00")
                    .isEqualTo(project.goLive.atTime(LocalTime.of(18, 0)));
            instance.name = fieldValue(field(null, "vaadin-text-field", "Name"));
            assertThat(instance.name).as("the suggested name").isNotBlank();
        });

        step("instance-created", () -> {
            click("Create", () -> driver.findElement(By.cssSelector("vaadin-button.create-instance")));
            until("the instance page", d -> path().matches("/instances/\\d+"));
            instance.id = path().substring("/instances/".length());
            waitForVaadin();
            until("the instance heading", d -> instance.name.equals(text(d.findElement(By.cssSelector(".instance-view h2")))));
            until("both steps in the tree grid", d -> itemTitle(FIRST_STEP) != null && itemTitle(SECOND_STEP) != null);
            assertThat(read("the section titles", this::sectionTitles)).as("items are grouped by section")
                    .anyMatch(s -> s.startsWith("Preparation · 0 of "));
        });

        step("first-step-assigned", () -> assignToDeveloper(FIRST_STEP));

        step("second-step-assigned", () -> assignToDeveloper(SECOND_STEP));

        step("first-step-done", () -> {
            click("Mark done on the first step", () -> driver.findElement(markDone(FIRST_STEP)));
            until("the first step's status to be Done", d -> rowStatus(FIRST_STEP).equals("Done"));
            assertThat(driver.findElements(markDone(FIRST_STEP))).as("a done step offers no Done button").isEmpty();
            assertThat(read("the second step's status", () -> rowStatus(SECOND_STEP))).as("the second step stays open")
                    .isEqualTo("Open");
            assertThat(read("the section titles", this::sectionTitles)).anyMatch(s -> s.startsWith("Preparation · 1 of "));
        });

        step("pm-signed-out", () -> {
            click("the user menu", () -> driver.findElement(
                    By.cssSelector("vaadin-menu-bar.app-user-menu vaadin-menu-bar-button:not([slot='overflow'])")));
            click("Sign out", () -> userMenuItem("Sign out"));
            until("the sign-in page", d -> path().equals("/login"));
            loginInput("username");
            waitForVaadin();
        });

        step("developer-my-work", () -> {
            signIn(DEV_EMAIL);
            click("My work in the side navigation", () -> driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                    .filter(e -> text(e).equals("My work")).findFirst().orElse(null));
            until("the My work page", d -> path().equals("/my-work"));
            waitForVaadin();
            // Both steps come in the same page of rows, so once the open one is listed the done one would be too.
            List<String> listed = until("the open step in My work", d -> {
                List<String> titles = myWorkLinks(instance.id).stream().map(this::text).toList();
                return titles.contains(SECOND_STEP) ? titles : null;
            });
            assertThat(listed).as("a done step is not in My work").doesNotContain(FIRST_STEP);
        });

        step("developer-opens-step", () -> {
            click("the open step's link", () -> myWorkLink(instance.id, SECOND_STEP));
            until("the instance page", d -> path().equals("/instances/" + instance.id));
            assertThat(URI.create(driver.getCurrentUrl()).getQuery()).startsWith("item=");
            waitForVaadin();
            WebElement panel = until("the item panel", d -> d.findElements(By.cssSelector(".item-panel")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(text(panel.findElement(By.tagName("h3")))).isEqualTo(SECOND_STEP);
            // A contributor works the status of their own step but cannot hand it to someone else.
            WebElement assignee = field(panel, "vaadin-combo-box", "Assignee");
            assertThat(fieldValue(assignee)).isEqualTo(DEV_NAME);
            assertThat(assignee.getDomAttribute("readonly")).as("the Assignee field is read-only").isNotNull();
            assertThat(field(panel, "vaadin-select", "Status").getDomAttribute("readonly")).as("the Status field is editable")
                    .isNull();
        });
    }

    // --- journey steps -----------------------------------------------------------------------

    private void signIn(String email) {
        driver.get(url("/login"));
        waitForVaadin();
        type(loginInput("username"), email);
        type(loginInput("password"), PASSWORD);
        click("the Sign in button", () -> driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")));
        // Success redirects to "/", which forwards on; a failure comes back as /login?error or /login?throttled=….
        until("sign-in to finish", d -> !path().equals("/login") || d.getCurrentUrl().contains("/login?"));
        assertThat(driver.getCurrentUrl()).as("sign-in as %s", email).doesNotContain("/login");
        waitForVaadin();
    }

    /** Opens the step in the item panel, picks the developer as assignee, saves and checks the row. */
    private void assignToDeveloper(String step) {
        clickItemTitle(step);
        WebElement panel = until("the item panel for " + step, d -> d.findElements(By.cssSelector(".item-panel")).stream()
                .filter(p -> p.isDisplayed() && step.equals(text(p.findElement(By.tagName("h3"))))).findFirst().orElse(null));
        chooseInComboBox(field(panel, "vaadin-combo-box", "Assignee"), "Diego", DEV_NAME);
        click("Save", () -> panel.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> text(b).equals("Save")).findFirst().orElse(null));
        until(step + " to show the assignee in its row", d -> rowTexts(step).contains(DEV_NAME));
    }

    // --- steps and screenshots ---------------------------------------------------------------

    private void step(String name, Runnable action) {
        String file = String.format("runbook-%02d-%s", ++stepNumber, name);
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            saveEvidence(file + "-FAILED");
            throw e;
        }
        screenshot(file);
    }

    private void saveEvidence(String name) {
        screenshot(name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not save the page source: " + e);
        }
    }

    private void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not take a screenshot: " + e);
        }
    }

    // --- page helpers ------------------------------------------------------------------------

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits for {@code condition}; a time-out names what was awaited. */
    private <T> T until(String what, Function<? super WebDriver, T> condition) {
        // Vaadin re-renders grid cells as data arrives: an element that went stale is simply looked up again.
        return new WebDriverWait(driver, TIMEOUT, POLL).withMessage("waiting for " + what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Reads something off the page, again if Vaadin re-rendered an element while it was being read. */
    private <T> T read(String what, Supplier<T> reading) {
        return until(what, d -> reading.get());
    }

    /** Waits until every Vaadin client on the page has finished its round trips. */
    private void waitForVaadin() {
        until("Vaadin to finish its round trips", d -> Boolean.TRUE.equals(js().executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return false; }
                const clients = Object.values(flow.clients);
                return clients.length > 0 && clients.every(c => typeof c.isActive !== 'function' || !c.isActive());
                """)));
    }

    /**
     * Clicks what {@code element} finds once it is there and takes the click. Success toasts sit
     * bottom-right for a few seconds, over buttons near the bottom-right corner, so
     * an intercepted click is retried until the toast has gone; a re-rendered element is found
     * again. Callers wait for the outcome they expect, which may be another page.
     */
    private void click(String what, Supplier<WebElement> element) {
        click(what, element, WebElement::click);
    }

    private void click(String what, Supplier<WebElement> element, Consumer<WebElement> clicker) {
        until(what + " to take a click", d -> {
            try {
                WebElement target = element.get();
                if (target == null || !target.isDisplayed() || !target.isEnabled()) {
                    return false;
                }
                js().executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
                clicker.accept(target);
                return true;
            } catch (ElementClickInterceptedException | StaleElementReferenceException | NoSuchElementException e) {
                return false;
            }
        });
    }

    /**
     * Clicks an item's title in the tree grid near its start. With the item panel open the Item
     * column is narrow and clips long titles, so the middle of the title button can lie under the
     * Status column; a user clicks the part they can see.
     */
    private void clickItemTitle(String title) {
        click("the step " + title, () -> itemTitle(title), target -> new Actions(driver)
                .moveToElement(target, -target.getSize().getWidth() / 2 + 5, 0).click().perform());
    }

    /** The login form's native input: Vaadin 25 renders it in the light DOM, slotted into the field. */
    private WebElement loginInput(String name) {
        return until("the " + name + " field", d -> d.findElements(By.cssSelector("vaadin-login-form input[name='" + name + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private static void type(WebElement input, String text) {
        input.click();
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Types {@code filter} into a combo box and clicks the item labelled {@code label}. Clicking
     * rather than pressing Enter: Enter only commits an exact label, and Flow may still be
     * fetching the filtered items when it arrives.
     */
    private void chooseInComboBox(WebElement comboBox, String filter, String label) {
        type(comboBox.findElement(By.cssSelector("input")), filter);
        // Vaadin 25 slots the drop-down's items into the combo box's light DOM.
        click("“" + label + "” in the drop-down", () -> comboBox.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && text(item).equals(label)).findFirst().orElse(null));
        until("the combo box to show " + label, d -> fieldValue(comboBox).equals(label));
    }

    /**
     * The Vaadin field of type {@code tag} labelled {@code label}, inside {@code within} (null: the
     * whole page). Flow sets a field's label as a property, not an attribute, so CSS cannot select by it.
     */
    private WebElement field(WebElement within, String tag, String label) {
        return until("the field “" + label + "”", d -> (WebElement) js().executeScript("""
                const [root, tag, label] = arguments;
                return Array.from((root || document).querySelectorAll(tag)).find(f => f.label === label) || null;
                """, within, tag, label));
    }

    /** The text in a Vaadin field's slotted native input (a combo box shows its item's label there). */
    private static String fieldValue(WebElement field) {
        return String.valueOf(field.findElement(By.cssSelector("input")).getDomProperty("value"));
    }

    /** The value next to {@code label} on the project page's Key dates card. */
    private String keyDate(String label) {
        return driver.findElements(By.cssSelector(".key-dates .key-date")).stream()
                .filter(line -> text(line.findElement(By.cssSelector(".key-date-label"))).equals(label))
                .map(line -> text(line).substring(label.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no key date " + label));
    }

    /** A link in a grid cell; grid cells are slotted into the light DOM. */
    private WebElement gridLink(String text) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> text(a).equals(text)).findFirst().orElse(null);
    }

    /** My work's links to items of the given instance. */
    private List<WebElement> myWorkLinks(String instanceId) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> String.valueOf(a.getDomAttribute("href")).contains("instances/" + instanceId + "?item="))
                .toList();
    }

    /** My work's link to {@code title} in the given instance, or null. */
    private WebElement myWorkLink(String instanceId, String title) {
        return myWorkLinks(instanceId).stream().filter(a -> text(a).equals(title)).findFirst().orElse(null);
    }

    /** The row's one-click "Mark done" button of item {@code title}. */
    private static By markDone(String title) {
        return By.cssSelector("vaadin-button.mark-done[aria-label='Mark “" + title + "” done']");
    }

    /** The tree grid's button that opens {@code title} in the item panel, or null. */
    private WebElement itemTitle(String title) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content vaadin-button.item-title")).stream()
                .filter(b -> text(b).equals(title)).findFirst().orElse(null);
    }

    private List<String> sectionTitles() {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content .section-title")).stream().map(this::text).toList();
    }

    /** The texts of the cells in the row of item {@code title}. */
    private List<String> rowTexts(String title) {
        return rowCells(title).stream().map(this::text).toList();
    }

    /** The status badge's text in the row of item {@code title} . */
    private String rowStatus(String title) {
        return rowCells(title).stream().flatMap(c -> c.findElements(By.cssSelector(".item-status")).stream())
                .map(this::text).findFirst().orElse("");
    }

    /**
     * The cell contents of the row of item {@code title}. They are light-DOM children of the grid,
     * slotted into the cells of the row; only the grid's shadow DOM knows which belong to a row.
     */
    @SuppressWarnings("unchecked")
    private List<WebElement> rowCells(String title) {
        return (List<WebElement>) js().executeScript("""
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
        return (List<String>) js().executeScript("""
                return Array.from(document.querySelectorAll('vaadin-grid vaadin-grid-cell-content'))
                    .map(c => c.textContent.trim()).filter(t => t.length > 0);
                """);
    }

    private String userMenuText() {
        return driver.findElements(By.cssSelector("vaadin-menu-bar.app-user-menu vaadin-menu-bar-button:not([slot='overflow'])"))
                .stream().map(this::text).findFirst().orElse("");
    }

    /** An item of the open user menu: Flow renders sub-menu items in the menu bar's light DOM. */
    private WebElement userMenuItem(String text) {
        return driver.findElements(By.cssSelector("vaadin-menu-bar.app-user-menu vaadin-menu-bar-item")).stream()
                .filter(e -> e.isDisplayed() && text.equals(text(e))).findFirst().orElse(null);
    }

    private String text(WebElement element) {
        return String.valueOf(js().executeScript("return arguments[0].textContent;", element)).trim();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
