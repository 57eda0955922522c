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
 * A lesson becomes a change of the PMO's runbook (issue C8): the PMO opens the lessons library,
 * opens the demo's vendor lesson, follows it to the ERP go-live runbook, sees on arrival that a
 * proposal waits, accepts it into the draft, and the lesson says it was accepted. No console
 * message about the Content-Security-Policy on the way. Same set-up (and Spring context) as the
 * other journeys; screenshots go to {@code target/journey-screenshots/}, prefixed {@code lesson-}.
 */
@JourneyTest
class LessonBecomesTemplateChangeJourneyTest {

    private static final String PMO_EMAIL = "pmo@acme.example";
    private static final String PMO_NAME = "Priya Raman";
    private static final String LESSON = "Name an owner for every vendor task in the runbook";
    private static final String RUNBOOK = "ERP go-live cutover runbook";

    @LocalServerPort
    private int port;

    private JourneyBrowser pmo;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        pmo = new JourneyBrowser(port, "pmo");
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (pmo != null) {
            pmo.close();
        }
    }

    @Test
    void thePmoAcceptsALessonsProposalIntoTheRunbooksDraft() throws Exception {
        step("library", () -> {
            pmo.signIn(PMO_EMAIL);
            pmo.until(PMO_NAME + "'s name in the user menu", d -> pmo.userMenuText().contains(PMO_NAME));
            pmo.click("Lessons learned in the side navigation", () -> pmo.driver().findElements(By.cssSelector("vaadin-side-nav-item"))
                    .stream().filter(i -> pmo.text(i).equals("Lessons learned")).findFirst().orElse(null));
            pmo.until("the lessons page", d -> pmo.path().equals("/lessons"));
            pmo.until("the demo's lessons in the list", d -> pmo.gridLink(LESSON));
        });

        step("lesson", () -> {
            pmo.click("the vendor lesson", () -> pmo.gridLink(LESSON));
            pmo.until("the lesson's page", d -> pmo.path().matches("/lessons/\\d+"));
            WebElement proposal = pmo.until("its pending proposal", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".lesson-proposal.pending"));
            assertThat(pmo.text(proposal)).contains("waiting for the template's owners");
        });

        step("runbook", () -> {
            pmo.click("the runbook link", () -> pmo.driver().findElements(By.cssSelector(".lesson-template a")).stream().findFirst().orElse(null));
            pmo.until("the runbook's page", d -> pmo.path().matches("/templates/\\d+"));
            pmo.until("the runbook's name", d -> pmo.text(d.findElement(By.tagName("h2"))).startsWith(RUNBOOK));
            pmo.click("the proposals waiting", () -> JourneyBrowser.shown(pmo.driver().findElement(By.tagName("body")), "vaadin-button.proposals-waiting"));
            pmo.until("the proposal queue", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".proposal-pending"));
        });

        step("accepted", () -> {
            pmo.click("Accept into the draft", () -> JourneyBrowser.shown(pmo.driver().findElement(By.tagName("body")), ".proposal-pending vaadin-button.accept-proposal"));
            // The demo's other proposal was accepted by the PMO already: wait for this one, the vendor lesson's.
            pmo.until("the vendor proposal accepted", d -> d.findElements(By.cssSelector(".proposal-pending")).isEmpty()
                    && d.findElements(By.cssSelector(".proposal-accepted")).stream().filter(p -> pmo.text(p).contains(LESSON))
                            .anyMatch(p -> pmo.text(p).contains("Accepted by " + PMO_NAME)));
        });

        step("lesson-after", () -> {
            pmo.driver().navigate().back();
            pmo.until("the lesson's page again", d -> pmo.path().matches("/lessons/\\d+"));
            pmo.driver().navigate().refresh();
            WebElement proposal = pmo.until("its decided proposal", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".lesson-proposal.decided"));
            assertThat(pmo.text(proposal)).contains("accepted by " + PMO_NAME).contains("in the draft");
            assertThat(pmo.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
        });
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("lesson-%02d-%s", ++stepNumber, name), action, pmo);
    }
}
