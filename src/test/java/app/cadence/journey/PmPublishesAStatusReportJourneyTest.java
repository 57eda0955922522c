package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import app.cadence.support.PdfText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project manager writes and publishes CRM-03's weekly status report in a real browser:
 * {@code pmo@acme.example} opens the project, sees the two reports the demo published on the last
 * two Fridays, starts a draft, writes the summary in Markdown (the preview shows it formatted),
 * publishes it after confirming, finds it at the top of the history, opens its read-only page and
 * downloads its PDF, which holds the summary. Screenshots in {@code target/journey-screenshots/},
 * prefixed {@code status-report-}.
 */
@JourneyTest
class PmPublishesAStatusReportJourneyTest {

    @LocalServerPort
    private int port;

    @TempDir
    private Path downloads;

    @Autowired JdbcTemplate jdbc;

    private JourneyBrowser pmo;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        pmo = new JourneyBrowser(port, "pmo", downloads);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (pmo != null) {
            pmo.close();
        }
    }

    @Test
    void crm03sWeeklyReportIsWrittenPublishedAndKeptWithItsPdf() throws Exception {
        Long crm = jdbc.queryForObject("select p.id from project p join tenant t on t.id = p.tenant_id where t.slug = 'acme' and p.project_key = 'CRM-03'",
                Long.class);

        step("the-history", () -> {
            pmo.signIn("pmo@acme.example");
            pmo.driver().get(pmo.url("/projects/" + crm));
            pmo.click("the Status reports tab", () -> pmo.driver().findElements(By.cssSelector("vaadin-tab")).stream()
                    .filter(tab -> pmo.text(tab).equals("Status reports")).findFirst().orElse(null));
            pmo.until("the status reports section", d -> !d.findElements(By.cssSelector(".status-reports")).isEmpty());
            pmo.until("the demo's two published reports", d -> pdfLinks().size() == 2);
        });

        step("the-draft", () -> {
            pmo.click("Start a draft", () -> pmo.driver().findElement(By.cssSelector("vaadin-button.start-draft")));
            WebElement summary = pmo.until("the summary editor",
                    d -> d.findElements(By.cssSelector("vaadin-text-area.report-narrative")).stream().findFirst().orElse(null));
            JourneyBrowser.type(JourneyBrowser.nativeInput(summary), "**Wave 2** starts Monday.\n\n- DACH trained\n- CPQ back on plan");
            pmo.until("the formatted preview", d -> d.findElements(By.cssSelector(".narrative-preview strong")).stream()
                    .anyMatch(s -> s.getText().equals("Wave 2")));
            pmo.until("the live report below it", d -> pmo.text(d.findElement(By.cssSelector(".report-preview"))).contains("Blocked items"));
        });

        step("published", () -> {
            pmo.click("Publish…", () -> pmo.driver().findElement(By.cssSelector("vaadin-button.publish-report")));
            pmo.click("the dialog's Publish", () -> pmo.driver().findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            pmo.until("the third report in the history", d -> pdfLinks().size() == 3);
            pmo.until("no draft left open", d -> d.findElements(By.cssSelector("vaadin-text-area.report-narrative")).isEmpty());
        });

        step("the-report-page", () -> {
            String title = pmo.until("the newest report's link", d -> d.findElements(
                    By.cssSelector("vaadin-grid.report-history vaadin-grid-cell-content a:not(.report-pdf)")).stream()
                    .map(pmo::text).filter(t -> t.contains("status report")).findFirst().orElse(null));
            Long newest = jdbc.queryForObject("select max(id) from status_report where project_id = ?", Long.class, crm);
            pmo.driver().get(pmo.url("/status-reports/" + newest));
            pmo.until("the report's page", d -> pmo.text(d.findElement(By.cssSelector(".report-body"))).contains("Wave 2 starts Monday."));
            assertThat(title).startsWith("CRM-03 Salesforce Sales Cloud rollout — status report");
            assertThat(pmo.text(pmo.driver().findElement(By.cssSelector(".report-state")))).contains("Read-only");
        });

        step("the-pdf", () -> {
            pmo.click("Download PDF", () -> pmo.driver().findElement(By.cssSelector("a.report-pdf")));
            Path pdf = pmo.until("the PDF in " + downloads, d -> {
                List<Path> done = files(".pdf");
                return files(".crdownload").isEmpty() && done.size() == 1 && size(done.getFirst()) > 0 ? done.getFirst() : null;
            });
            assertThat(PdfText.of(Files.readAllBytes(pdf))).contains("Wave 2 starts Monday.").contains("DACH trained")
                    .contains("Milestones in the next 30 days");
        });
    }

    private List<WebElement> pdfLinks() {
        return pmo.driver().findElements(By.cssSelector("vaadin-grid.report-history vaadin-grid-cell-content a.report-pdf"));
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step("status-report-%02d-%s".formatted(++stepNumber, name), action, pmo);
    }

    private List<Path> files(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
