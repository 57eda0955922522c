package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A consultant who works for two organisations signs in, picks Acme Corp and lands on what needs
 * them across both (issue C13): Acme's and Globex's lines on one page; opening a Globex item enters
 * Globex. Switching to Acme from the header lands inside it — only Acme's projects, on the
 * portfolio where a PMO lands — and switching to Globex shows only Globex's projects.
 *
 * <p>Runs the real application on its own in-memory database with the demo data, driven by
 * Debian's headless Chromium through its chromedriver. Nothing is downloaded: Selenium Manager
 * is bypassed by naming both executables. Screenshots of every step (and of a failure, with the
 * page source) go to {@code target/journey-screenshots/}.
 */
@JourneyTest
class ConsultantSwitchesTenantJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The switcher's button, which opens its menu. */
    private static final By TENANT_SWITCHER_ROOT = By.cssSelector("vaadin-button.tenant-switcher");

    private static final String EMAIL = "consultant@example.com";
    private static final String PASSWORD = "cadence-demo";
    private static final List<String> ACME_KEYS = List.of("ERP-01", "CLOUD-02", "CRM-03", "HR-04", "WMS-05", "INTRA-06");
    private static final List<String> GLOBEX_KEYS = List.of("GLX-FIN", "GLX-AZ", "GLX-CRM", "GLX-ZT");

    /**
     * Selenium warns that it ships no CDP bindings for Debian's (newer) Chromium; the journey
     * uses WebDriver only, so the warning is noise. Held in a field: JUL keeps loggers weakly.
     */
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
    void consultantWorksInAcmeThenSwitchesToGlobex() {
        step("login-page", () -> {
            driver.get(url("/login"));
            until("a sign-in form on /login", d -> !d.findElements(By.cssSelector("vaadin-login-form, form")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("vaadin-login-form")))
                    .as("/login should show the app's Vaadin sign-in view, but the page is '%s' "
                            + "(Spring Security's generated login page?)", driver.getTitle())
                    .isNotEmpty();
            waitForVaadin();
            assertThat(driver.getTitle()).isEqualTo("Sign in · Cadence");
        });

        step("signed-in-chooses-organisation", () -> {
            type(loginInput("username"), EMAIL);
            type(loginInput("password"), PASSWORD);
            until("the Log in button", ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-login-form vaadin-button[slot='submit']"))).click();
            // Success redirects to "/", which forwards to the organisation picker; a failure comes
            // back as /login?error or /login?throttled=….
            until("sign-in to finish", d -> path().equals("/select-tenant") || d.getCurrentUrl().contains("/login?"));
            assertThat(path()).as("a member of two organisations is asked to choose one after sign-in (at %s)",
                    driver.getCurrentUrl()).isEqualTo("/select-tenant");
            waitForVaadin();
            until("two organisation choices", d -> d.findElements(By.cssSelector("vaadin-button.tenant-choice")).size() == 2);
            assertThat(tenantChoiceLabels()).containsExactlyInAnyOrder(
                    "Work in Acme Corp as PMO", "Work in Globex as Project manager");
        });

        step("home-across-organisations", () -> {
            driver.findElement(By.cssSelector("vaadin-button.tenant-choice[aria-label='Work in Acme Corp as PMO']")).click();
            // Working with two organisations, the consultant lands on what needs them across both (issue C13).
            until("the home across organisations", d -> path().equals("/home"));
            waitForVaadin();
            Set<String> cells = until("Acme's and Globex's lines on one page", gridShowing(List.of("Acme Corp", "Globex")));
            assertThat(cells).as("lines name their organisation").contains("Acme Corp", "Globex");
            until("Globex's times labelled with its zone", d -> gridCellTexts().stream().anyMatch(t -> t.endsWith("(America/New_York)")));
        });

        step("opens-a-globex-item-in-globex", () -> {
            WebElement line = until("a Globex line to open", d -> d.findElements(By.cssSelector("vaadin-button.home-open")).stream()
                    .filter(b -> String.valueOf(b.getDomAttribute("aria-label")).endsWith(" in Globex")
                            && !String.valueOf(b.getDomAttribute("aria-label")).contains("assigned to you"))
                    .findFirst().orElse(null));
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", line);
            until("the Globex line to be clickable", ExpectedConditions.elementToBeClickable(line)).click();
            until("the Globex item's checklist", d -> path().startsWith("/instances/"));
            waitForVaadin();
            until("the tenant switcher to show Globex", d -> tenantSwitcherText().startsWith("Globex"));
            until("the Portal migration cutover", d -> String.valueOf(js().executeScript("return document.body.innerText;"))
                    .contains("Portal migration cutover"));
        });

        step("calendar-feed", () -> {
            driver.get(url("/account"));
            waitForVaadin();
            WebElement create = until("the calendar feed button", d -> d.findElements(By.cssSelector("vaadin-button.calendar-feed-create")).stream()
                    .findFirst().orElse(null));
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", create);
            until("the calendar feed button to be clickable", ExpectedConditions.elementToBeClickable(create)).click();
            WebElement field = until("the feed address", d -> d.findElements(By.cssSelector("vaadin-text-field.calendar-feed-address input")).stream()
                    .findFirst().orElse(null));
            String address = until("the address in the field", d -> {
                String value = field.getDomProperty("value");
                return value != null && value.contains("/calendar/") ? value : null;
            });
            // A calendar application fetches it without a session: the secret is the credential.
            String path = URI.create(address).getPath();
            var feed = get(url(path));
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
            assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:[Globex] ").contains("SUMMARY:[Acme Corp] ");
            assertThat(get(url("/calendar/" + "x".repeat(43) + ".ics")).statusCode()).as("an unknown secret").isEqualTo(404);
        });

        step("acme-projects", () -> {
            until("the tenant switcher", ExpectedConditions.elementToBeClickable(TENANT_SWITCHER_ROOT)).click();
            until("Acme Corp in the tenant switcher", d -> menuItem("Acme Corp (PMO)") != null);
            menuItem("Acme Corp (PMO)").click();
            // Switching lands inside the organisation: as PMO, Acme's portfolio, one row per project.
            until("the portfolio", d -> path().equals("/portfolio"));
            waitForVaadin();
            Set<String> cells = until("Acme's projects in the grid", gridShowing(ACME_KEYS));
            assertThat(cells).as("Acme's project list").doesNotContainAnyElementsOf(GLOBEX_KEYS);
            until("the tenant switcher to show Acme Corp", d -> tenantSwitcherText().startsWith("Acme Corp"));
        });

        step("tenant-switcher-open", () -> {
            until("the tenant switcher", ExpectedConditions.elementToBeClickable(TENANT_SWITCHER_ROOT)).click();
            until("Globex in the tenant switcher", d -> menuItem("Globex (Project manager)") != null);
            assertThat(menuItemTexts()).as("the switcher offers the other organisations only")
                    .containsExactly("Globex (Project manager)");
        });

        step("globex-projects", () -> {
            WebElement oldGrid = driver.findElement(By.cssSelector("vaadin-grid"));
            menuItem("Globex (Project manager)").click();
            // A full reload into the new organisation: nothing of the Acme page survives.
            until("the Acme page to go away", ExpectedConditions.stalenessOf(oldGrid));
            until("the projects page", d -> path().equals("/projects"));
            waitForVaadin();
            Set<String> cells = until("Globex's projects in the grid", gridShowing(GLOBEX_KEYS));
            assertThat(cells).as("Globex's project list").doesNotContainAnyElementsOf(ACME_KEYS);
            until("the tenant switcher to show Globex", d -> tenantSwitcherText().startsWith("Globex"));
        });

        // Unknown addresses and records show Cadence's own not-found page, never a bare error.
        for (String path : new String[] {"/does-not-exist", "/projects/999999"}) {
            step("not-found" + path.replace('/', '-'), () -> {
                driver.get(url(path));
                until("the not-found page for " + path, d -> !d.findElements(By.xpath("//h1[text()='Page not found']")).isEmpty());
            });
        }
    }

    // --- steps and screenshots ---------------------------------------------------------------

    private void step(String name, Runnable action) {
        String file = String.format("%02d-%s", ++stepNumber, name);
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            saveEvidence(file + "-FAILED");
            throw e;
        }
        if (JourneyBrowser.EVERY_STEP) {
            screenshot(file);
        }
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

    private static java.net.http.HttpResponse<String> get(String address) {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(URI.create(address)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits for {@code condition}; a time-out names what was awaited. */
    private <T> T until(String what, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT, POLL).withMessage("waiting for " + what).until(condition);
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

    /** The login form's native input: Vaadin 25 renders it in the light DOM, slotted into the field. */
    private WebElement loginInput(String name) {
        return until("the " + name + " field", ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='" + name + "']")));
    }

    private static void type(WebElement input, String text) {
        input.click();
        input.clear();
        input.sendKeys(text);
    }

    private List<String> tenantChoiceLabels() {
        return driver.findElements(By.cssSelector("vaadin-button.tenant-choice")).stream()
                .map(b -> b.getDomAttribute("aria-label")).toList();
    }

    /** Waits until the grid's cells include all {@code keys}; answers the text of every cell. */
    private Function<WebDriver, Set<String>> gridShowing(List<String> keys) {
        return d -> {
            Set<String> cells = gridCellTexts();
            return cells.containsAll(keys) ? cells : null;
        };
    }

    @SuppressWarnings("unchecked")
    private Set<String> gridCellTexts() {
        Object texts = js().executeScript("""
                // A cell's text, and its links' (the portfolio's Project cell holds the key as a link and the name).
                return Array.from(document.querySelectorAll('vaadin-grid vaadin-grid-cell-content'))
                    .flatMap(c => [c, ...c.querySelectorAll('a')]).map(e => e.textContent.trim()).filter(t => t.length > 0);
                """);
        return new LinkedHashSet<>((List<String>) texts);
    }

    /** The text of the switcher's root item: the current organisation's name, then the role. */
    private String tenantSwitcherText() {
        return driver.findElements(TENANT_SWITCHER_ROOT).stream().map(this::text).findFirst().orElse("");
    }

    /** The enabled items of the open tenant switcher (its "Switch to" heading is disabled). */
    private List<WebElement> menuItems() {
        return driver.findElements(By.cssSelector(
                        "vaadin-context-menu-item.tenant-choice:not([disabled])")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    private List<String> menuItemTexts() {
        return menuItems().stream().map(this::text).toList();
    }

    /**
     * The item of the open tenant switcher whose text is {@code text}, or null. Flow renders the
     * menu's items as light-DOM {@code vaadin-context-menu-item}s.
     */
    private WebElement menuItem(String text) {
        return menuItems().stream().filter(e -> text.equals(text(e))).findFirst().orElse(null);
    }

    private String text(WebElement element) {
        return String.valueOf(js().executeScript("return arguments[0].textContent;", element)).trim();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
