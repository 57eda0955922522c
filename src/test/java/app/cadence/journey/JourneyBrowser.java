package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the application under test, with the page helpers a journey
 * needs to drive Vaadin 25 components. A journey with several users opens one per user: each
 * has its own ChromeDriver session and user-data directory, so they share no cookies or session.
 *
 * <p>The helpers are those of {@link PmAppliesRunbookJourneyTest}, bound to one window;
 * screenshots are named after the step and the window, e.g. {@code conflict-03-saved-A-pm.png}.
 */
final class JourneyBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");
    static final String PASSWORD = "cadence-demo";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * Selenium warns that it ships no CDP bindings for Debian's (newer) Chromium; the journeys use
     * WebDriver only, so the warning is noise. Held in a field: JUL keeps loggers weakly.
     */
    private static final List<Logger> QUIET_LOGGERS = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private final int port;
    private final String name;
    private final Path userDataDir;
    private final WebDriver driver;

    /** Starts a browser; {@code name} tells its screenshots apart from another window's. */
    JourneyBrowser(int port, String name) throws IOException {
        this(port, name, null);
    }

    /**
     * Starts a browser whose downloads land in {@code downloads} without asking (null: Chromium's
     * default); a journey that checks exported files gives each test its own folder.
     */
    JourneyBrowser(int port, String name, Path downloads) throws IOException {
        this.port = port;
        this.name = name;
        Files.createDirectories(SCREENSHOTS);
        userDataDir = Files.createTempDirectory("cadence-journey-chromium-");
        ChromeOptions options = new ChromeOptions();
        // Naming the browser and the driver keeps Selenium Manager out of it: nothing is downloaded.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + userDataDir);
        // The browser's console, so that a journey can read what the page logged (CSP violations above all).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "download.directory_upgrade", true));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteUserDataDir();
            throw e;
        }
    }

    /** True when Debian's Chromium and its driver are installed; also quietens Selenium's CDP warning. */
    static boolean available() {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String unavailableReason() {
        return "Browser journey skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                + "(Debian packages chromium and chromium-driver; .ci/run installs them).";
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteUserDataDir();
        }
    }

    private void deleteUserDataDir() throws IOException {
        try (var paths = Files.walk(userDataDir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    // --- signing in ----------------------------------------------------------------------------

    /** Signs in a member of one organisation, who skips the organisation picker. */
    void signIn(String email) {
        driver.get(url("/login"));
        signInHere(email, PASSWORD);
    }

    /** Fills in and sends the login form already on the page (e.g. where a protected link led). */
    void signInHere(String email, String password) {
        waitForVaadin();
        type(loginInput("username"), email);
        type(loginInput("password"), password);
        click("the Sign in button", () -> driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")));
        // Success redirects to "/", which forwards on; a failure comes back as /login?error or /login?throttled=….
        until("sign-in to finish", d -> !path().equals("/login") || d.getCurrentUrl().contains("/login?"));
        assertThat(driver.getCurrentUrl()).as("sign-in as %s", email).doesNotContain("/login");
        waitForVaadin();
    }

    /** The login form's native input: Vaadin 25 renders it in the light DOM, slotted into the field. */
    WebElement loginInput(String field) {
        return until("the " + field + " field", d -> d.findElements(By.cssSelector("vaadin-login-form input[name='" + field + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    String userMenuText() {
        return driver.findElements(By.cssSelector("vaadin-button.app-user-menu"))
                .stream().map(this::text).findFirst().orElse("");
    }

    // --- screenshots ---------------------------------------------------------------------------

    /**
     * Whether every step leaves a screenshot ({@code steps}, the default: the pictures to look at
     * when checking a screen) or only a failed one ({@code failures}: {@code .ci/run}, where
     * nobody looks at the rest and each costs Chromium a full-page render and a PNG).
     */
    static final boolean EVERY_STEP = !"failures".equals(System.getProperty("cadence.journey.screenshots", "steps"));

    /** Saves {@code <step>-<window>.png}, unless only failures are kept. */
    void screenshot(String step) {
        if (EVERY_STEP) {
            saveScreenshot(step);
        }
    }

    private void saveScreenshot(String step) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(step + "-" + name + ".png"), png);
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not take a screenshot of " + name + ": " + e);
        }
    }

    /** A screenshot and the page source, for a step that failed. */
    void saveEvidence(String step) {
        saveScreenshot(step);
        try {
            Files.writeString(SCREENSHOTS.resolve(step + "-" + name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not save the page source of " + name + ": " + e);
        }
    }

    /** A journey step that may throw: the browser helpers' failures and the test's own checks. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs one step of a journey, then screenshots every window as {@code <file>-<window>.png};
     * a failed step leaves each window's screenshot and page source instead.
     */
    static void step(String file, Step action, JourneyBrowser... windows) throws Exception {
        try {
            action.run();
        } catch (Exception | AssertionError e) {
            for (JourneyBrowser window : windows) {
                window.saveEvidence(file + "-FAILED");
            }
            throw e;
        }
        for (JourneyBrowser window : windows) {
            window.screenshot(file);
        }
    }

    // --- waiting and clicking ------------------------------------------------------------------

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits for {@code condition}; a time-out names what was awaited and in which window. */
    <T> T until(String what, Function<? super WebDriver, T> condition) {
        // Vaadin re-renders grid cells as data arrives: an element that went stale is simply looked up again.
        return new WebDriverWait(driver, TIMEOUT, POLL).withMessage("waiting in " + name + " for " + what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until every Vaadin client on the page has finished its round trips. */
    void waitForVaadin() {
        until("Vaadin to finish its round trips", d -> Boolean.TRUE.equals(js().executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) { return false; }
                const clients = Object.values(flow.clients);
                return clients.length > 0 && clients.every(c => typeof c.isActive !== 'function' || !c.isActive());
                """)));
    }

    /**
     * Clicks what {@code element} finds once it is there and takes the click: an intercepted click
     * (a toast over the button) is retried, a re-rendered element found again. Callers wait for
     * the outcome they expect.
     */
    void click(String what, Supplier<WebElement> element) {
        click(what, element, WebElement::click);
    }

    void click(String what, Supplier<WebElement> element, Consumer<WebElement> clicker) {
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

    static void type(WebElement input, String text) {
        input.click();
        input.clear();
        input.sendKeys(text);
    }

    // --- Vaadin components ---------------------------------------------------------------------

    /**
     * The Vaadin field of type {@code tag} labelled {@code label}, inside {@code within} (null: the
     * whole page). Flow sets a field's label as a property, not an attribute, so CSS cannot select by it.
     */
    WebElement field(WebElement within, String tag, String label) {
        return until("the field “" + label + "”", d -> (WebElement) js().executeScript("""
                const [root, tag, label] = arguments;
                return Array.from((root || document).querySelectorAll(tag)).find(f => f.label === label) || null;
                """, within, tag, label));
    }

    /** A text field's or text area's slotted native input or textarea. */
    static WebElement nativeInput(WebElement field) {
        return field.findElement(By.cssSelector("input, textarea"));
    }

    /** The text in a Vaadin field's native input (a combo box shows its item's label there). */
    static String fieldValue(WebElement field) {
        return String.valueOf(nativeInput(field).getDomProperty("value"));
    }

    /** The label a Vaadin select shows for its value. */
    String selectedLabel(WebElement select) {
        return text(select.findElement(By.cssSelector("vaadin-select-value-button")));
    }

    /** A link in a grid cell; grid cells are slotted into the light DOM. */
    WebElement gridLink(String text) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> text(a).equals(text)).findFirst().orElse(null);
    }

    /** The tree grid's button that opens {@code title} in the item panel, or null. */
    WebElement itemTitle(String title) {
        return driver.findElements(By.cssSelector("vaadin-grid-cell-content vaadin-button.item-title")).stream()
                .filter(b -> text(b).equals(title)).findFirst().orElse(null);
    }

    /**
     * The tree grid's button for {@code title}, scrolling the grid down by half its height each time
     * it is not rendered yet: the grid renders the rows in and near its viewport only, so a step
     * near the end of a runbook has no element until the grid is scrolled towards it. For
     * {@link #until}, which asks again until it answers.
     */
    WebElement itemTitleScrollingDown(String title) {
        WebElement found = itemTitle(title);
        if (found == null) {
            js().executeScript("""
                    const cell = document.querySelector('vaadin-grid-cell-content vaadin-button.item-title');
                    const table = cell && cell.closest('vaadin-grid').shadowRoot.querySelector('#table');
                    if (table) { table.scrollTop += table.clientHeight / 2; }
                    """);
        }
        return found;
    }

    /**
     * Clicks an item's title in the tree grid near its start. With the item panel open the Item
     * column is narrow and clips long titles, so the middle of the title button can lie under the
     * Status column; a user clicks the part they can see.
     */
    void clickItemTitle(String title) {
        click("the item " + title, () -> itemTitle(title), target -> new Actions(driver)
                .moveToElement(target, -target.getSize().getWidth() / 2 + 5, 0).click().perform());
    }

    /** The visible item panel showing {@code title}, once it is there. */
    WebElement itemPanel(String title) {
        return until("the item panel for " + title, d -> d.findElements(By.cssSelector(".item-panel")).stream()
                .filter(p -> p.isDisplayed() && title.equals(text(p.findElement(By.tagName("h3"))))).findFirst().orElse(null));
    }

    /** The button labelled {@code label} inside {@code within}, or null. */
    WebElement button(WebElement within, String label) {
        return within.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> text(b).equals(label)).findFirst().orElse(null);
    }

    /** The first displayed element {@code css} finds inside {@code within}, or null. */
    static WebElement shown(WebElement within, String css) {
        return within.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** What the page logged to the console since the last call (Chromium hands each entry out once). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    String text(WebElement element) {
        return String.valueOf(js().executeScript("return arguments[0].textContent;", element)).trim();
    }

    WebDriver driver() {
        return driver;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
