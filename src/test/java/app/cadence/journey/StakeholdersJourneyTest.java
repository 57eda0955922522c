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
 * Stakeholders and distribution lists (issue C9 item 3) in the browser, on the demo data: the PM
 * opens CRM-03's Communications tab and finds its register, then the side navigation's
 * Distribution lists and the CRM steering committee with its members and stakeholders. Same set-up
 * (and Spring context) as the other journeys; screenshots go to {@code target/journey-screenshots/},
 * prefixed {@code stakeholders-}.
 */
@JourneyTest
class StakeholdersJourneyTest {

    private static final String PM_EMAIL = "pm@acme.example";
    private static final String PM_NAME = "Marcus Webb";

    @LocalServerPort
    private int port;

    private JourneyBrowser pm;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        pm = new JourneyBrowser(port, "pm-stakeholders");
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (pm != null) {
            pm.close();
        }
    }

    @Test
    void thePmFindsTheRegisterAndTheSteeringCommittee() throws Exception {
        step("register", () -> {
            pm.signIn(PM_EMAIL);
            pm.until(PM_NAME + "'s name in the user menu", d -> pm.userMenuText().contains(PM_NAME));
            pm.click("Projects in the side navigation", () -> sideNav("Projects"));
            pm.until("the projects page", d -> pm.path().equals("/projects"));
            pm.click("CRM-03", () -> pm.gridLink("CRM-03"));
            pm.until("CRM-03's page", d -> pm.path().matches("/projects/\\d+"));
            WebElement register = pm.until("the stakeholder register", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".project-stakeholders"));
            pm.until("the sponsor in the register", d -> pm.text(register).contains("Helen Marsh"));
            assertThat(pm.text(register)).contains("Manage closely: 2").contains("Export (CSV)").contains("Import (CSV)");
            // For the screenshot: the register is below the page's other sections until the project page has tabs.
            ((org.openqa.selenium.JavascriptExecutor) pm.driver()).executeScript("arguments[0].scrollIntoView(true)", register);
        });

        step("lists", () -> {
            pm.click("Distribution lists in the side navigation", () -> sideNav("Distribution lists"));
            pm.until("the lists page", d -> pm.path().equals("/lists"));
            pm.click("the CRM steering committee", () -> pm.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(c -> pm.text(c).equals("CRM steering committee")).findFirst().orElse(null));
            WebElement detail = pm.until("the list's people", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".list-detail"));
            pm.until("its stakeholders and members", d -> pm.text(detail).contains("CRM steering committee"));
            assertThat(pm.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream().map(pm::text).toList())
                    .contains("Helen Marsh", "Tom Okafor", PM_NAME, "Priya Raman");
            assertThat(pm.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
        });
    }

    private WebElement sideNav(String label) {
        return pm.driver().findElements(By.cssSelector("vaadin-side-nav-item")).stream().filter(i -> pm.text(i).equals(label)).findFirst().orElse(null);
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("stakeholders-%02d-%s", ++stepNumber, name), action, pm);
    }
}
