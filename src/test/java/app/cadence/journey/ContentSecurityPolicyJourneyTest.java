package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy is only as good as the app's ability to run under it: a policy
 * that blocks something Vaadin needs breaks pages silently (a dialog that never opens, a grid
 * that never fills). So an ADMIN walks through every kind of page and widget Cadence has —
 * sign-in, portfolio with an export download, projects, a project with its health dialog, an
 * instance with its item panel, templates with the create and import dialogs (a real upload),
 * a template, the designer, my work, programs with its dialog, sign-out — and the browser
 * console must hold no CSP violation at any step.
 *
 * <p>Same set-up as the other journeys, so the server starts once for all of them.
 */
@JourneyTest
class ContentSecurityPolicyJourneyTest {

    private static final String ADMIN_EMAIL = "admin@acme.example";
    /** The demo project with a cutover instance under way. */
    private static final String PROJECT_KEY = "CLOUD-02";

    @LocalServerPort
    private int port;

    @TempDir
    private Path downloads;

    private JourneyBrowser admin;
    private int stepNumber;
    /** Every console line of the journey, prefixed with its step, for the failure message. */
    private final List<String> console = new ArrayList<>();

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        admin = new JourneyBrowser(port, "csp", downloads);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void everyKindOfPageAndWidgetWorksWithoutACspViolation() throws IOException {
        step("login-page", () -> {
            admin.driver().get(admin.url("/login"));
            admin.waitForVaadin();
            admin.loginInput("username");
        });

        step("portfolio-and-export", () -> {
            admin.signIn(ADMIN_EMAIL);
            assertThat(admin.path()).isEqualTo("/portfolio");
            admin.until("the portfolio grid", d -> !d.findElements(By.cssSelector("vaadin-grid.portfolio-grid")).isEmpty());
            admin.waitForVaadin();
            admin.click("the CSV export", () -> admin.driver().findElement(By.cssSelector("a.export-csv")));
            admin.until("the CSV download", d -> files(".csv").size() == 1 && files(".crdownload").isEmpty());
        });

        step("projects", () -> {
            open("/projects");
            admin.click("the " + PROJECT_KEY + " link", () -> admin.gridLink(PROJECT_KEY));
            admin.until("the project page", d -> admin.path().matches("/projects/\\d+"));
            admin.waitForVaadin();
            admin.until("the Health card", d -> !d.findElements(By.cssSelector(".card.health-panel")).isEmpty());
        });

        step("health-dialog", () -> {
            admin.click("the health override button", () -> admin.button(
                    admin.driver().findElement(By.cssSelector(".card.health-panel")), "Override health"));
            WebElement dialog = openDialog();
            admin.click("Cancel", () -> admin.button(dialog, "Cancel"));
            admin.until("the dialog to close", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
        });

        step("instance", () -> {
            admin.click("the runbook link", () -> admin.driver().findElements(By.cssSelector("vaadin-grid.instances-grid vaadin-grid-cell-content a"))
                    .stream().findFirst().orElse(null));
            admin.until("the instance page", d -> admin.path().matches("/instances/\\d+"));
            admin.waitForVaadin();
            WebElement title = admin.until("an item in the tree grid", d -> d.findElements(By.cssSelector("vaadin-grid-cell-content vaadin-button.item-title"))
                    .stream().findFirst().orElse(null));
            String itemTitle = admin.text(title);
            admin.clickItemTitle(itemTitle);
            admin.itemPanel(itemTitle);
        });

        step("templates-dialogs", () -> {
            open("/templates");
            admin.click("New template", () -> admin.button(admin.driver().findElement(By.cssSelector(".templates-view")), "New template"));
            WebElement create = openDialog();
            admin.click("Cancel", () -> admin.button(create, "Cancel"));
            admin.until("the dialog to close", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());

            admin.click("Import…", () -> admin.button(admin.driver().findElement(By.cssSelector(".templates-view")), "Import…"));
            openDialog();
            // A real upload round trip: the file is refused by the server, which says why.
            Path file = writeFile("not-a-template.json", "{\"this\": \"is not a Cadence template\"}");
            // vaadin-upload keeps its native file input in its shadow root.
            WebElement input = admin.until("the upload's file input", d -> (WebElement) admin.js().executeScript("""
                    const upload = document.querySelector('vaadin-upload');
                    if (!upload) { return null; }
                    return upload.querySelector('input[type=file]') || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));
                    """));
            input.sendKeys(file.toAbsolutePath().toString());
            admin.until("the import problem", d -> d.findElements(By.cssSelector(".import-problem")).stream()
                    .anyMatch(p -> p.isDisplayed() && admin.text(p).startsWith("Nothing was imported")));
        });

        step("template-and-designer", () -> {
            open("/templates");
            admin.click("the first template", () -> admin.driver().findElements(By.cssSelector("vaadin-grid-cell-content a"))
                    .stream().findFirst().orElse(null));
            admin.until("the template page", d -> admin.path().matches("/templates/\\d+"));
            admin.waitForVaadin();
            open("/templates/design/" + admin.path().substring("/templates/".length()));
        });

        step("my-work-and-programs", () -> {
            open("/my-work");
            open("/programs");
            admin.click("New program", () -> admin.button(admin.driver().findElement(By.tagName("body")), "New program"));
            WebElement dialog = openDialog();
            admin.click("Cancel", () -> admin.button(dialog, "Cancel"));
        });

        step("sign-out", () -> {
            admin.click("the user menu", () -> admin.driver().findElements(
                    By.cssSelector("vaadin-button.app-user-menu")).stream().findFirst().orElse(null));
            admin.click("Sign out", () -> admin.driver().findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                    .filter(i -> admin.text(i).equals("Sign out")).findFirst().orElse(null));
            admin.until("the login page", d -> admin.path().equals("/login"));
            admin.waitForVaadin();
        });

        System.out.println("Browser console during the CSP journey:\n  " + String.join("\n  ", console));
        assertThat(console).as("console messages about the Content-Security-Policy")
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }

    private void open(String path) {
        admin.driver().get(admin.url(path));
        admin.waitForVaadin();
    }

    private WebElement openDialog() {
        admin.waitForVaadin();
        return admin.until("the dialog", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened], vaadin-dialog[opened]"))
                .stream().findFirst().orElse(null));
    }

    private Path writeFile(String name, String content) {
        try {
            return Files.writeString(Files.createDirectories(downloads.resolve("uploads")).resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a step, keeps what the console said during it, and screenshots the window. */
    private void step(String name, Runnable action) {
        String file = String.format("csp-%02d-%s", ++stepNumber, name);
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            admin.saveEvidence(file + "-FAILED");
            System.out.println("Browser console before the failure:\n  " + String.join("\n  ", console));
            admin.consoleMessages().forEach(line -> System.out.println("  " + name + ": " + line));
            throw e;
        } finally {
            admin.consoleMessages().forEach(line -> console.add(name + ": " + line));
        }
        admin.screenshot(file);
    }
}
