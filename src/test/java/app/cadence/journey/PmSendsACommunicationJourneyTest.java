package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.support.JourneyTest;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Communications in the browser (issue C9), on the demo data: the PM opens CRM-03's next weekly
 * status report, finds it drafted from live data with the published report in it, sends it — one
 * email per recipient lands in the outbox — and gives next steering committee to Diego, whose bell
 * counts the notice without a reload. Screenshots go to {@code target/journey-screenshots/},
 * prefixed {@code comms-}.
 */
@JourneyTest
class PmSendsACommunicationJourneyTest {

    @LocalServerPort
    private int port;

    @Autowired TenantScope scope;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository accounts;
    @Autowired ProjectService projects;
    @Autowired Communications communications;
    @Autowired JdbcTemplate jdbc;

    private JourneyBrowser pm;
    private JourneyBrowser dev;
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowsers() throws IOException {
        pm = new JourneyBrowser(port, "A-pm-comms");
        dev = new JourneyBrowser(port, "B-dev-comms");
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        try {
            pm.close();
        } finally {
            dev.close();
        }
    }

    @Test
    void aPmSendsTheWeeklyReportAndHandsTheNextSteeringCommitteeToDiego() throws Exception {
        Long acme = tenants.findBySlug("acme").orElseThrow().getId();
        Long pmId = accounts.findByEmail("pm@acme.example").orElseThrow().getId();
        Long crm = scope.call(pmId, acme, () -> projects.list("CRM-03", Sort.by("key"), 0, 5)).stream()
                .filter(p -> p.key().equals("CRM-03")).map(ProjectRow::id).findFirst().orElseThrow();
        List<OccurrenceRow> coming = scope.call(pmId, acme, () -> communications.agenda(crm, communications.now(),
                communications.now().plus(Duration.ofDays(60))));
        OccurrenceRow weekly = coming.stream().filter(o -> o.title().equals("Weekly status report")).findFirst().orElseThrow();
        OccurrenceRow steering = coming.stream().filter(o -> o.title().equals("Steering committee")).findFirst().orElseThrow();
        long sentBefore = sentToSponsor();

        String[] unreadBefore = new String[1];
        step("diego-signed-in", () -> {
            dev.signIn("dev@acme.example");
            unreadBefore[0] = dev.until("Diego's bell", d -> bellLabel(dev));
        });

        step("draft", () -> {
            pm.signIn("pm@acme.example");
            pm.driver().get(pm.url("/communications/" + weekly.id()));
            WebElement subject = pm.field(null, "vaadin-text-field", "Subject");
            pm.until("the subject filled from the project", d -> JourneyBrowser.fieldValue(subject).equals("Salesforce Sales Cloud rollout — status report"));
            pm.until("the preview with the published report", d -> pm.text(d.findElement(By.cssSelector(".message-preview"))).contains("Health"));
            assertThat(pm.text(pm.driver().findElement(By.cssSelector(".recipients")))).contains("Helen Marsh");
        });

        step("sent", () -> {
            pm.click("Send…", () -> visibleButton(pm, "Send…"));
            pm.click("Send in the confirmation", () -> pm.driver().findElements(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button, vaadin-button[slot='confirm-button']"))
                    .stream().filter(WebElement::isDisplayed).filter(b -> pm.text(b).equals("Send")).findFirst().orElse(null));
            pm.until("the record of what was sent", d -> pm.text(d.findElement(By.tagName("body"))).contains("Sent by Marcus Webb"));
            pm.until("the deliveries", d -> !d.findElements(By.cssSelector("vaadin-grid.deliveries")).isEmpty());
            assertThat(sentToSponsor()).as("the sponsor's copy is in the outbox").isEqualTo(sentBefore + 1);
        });

        step("given-to-diego", () -> {
            pm.driver().get(pm.url("/communications/" + steering.id()));
            WebElement owner = pm.until("the give-to field", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".reassign-owner"));
            pm.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", owner);
            JourneyBrowser.type(owner.findElement(By.cssSelector("input")), "Diego");
            pm.click("Diego Alvarez in the drop-down", () -> owner.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(item -> item.isDisplayed() && pm.text(item).equals("Diego Alvarez")).findFirst().orElse(null));
            pm.click("Give", () -> visibleButton(pm, "Give"));
            pm.until("the new owner on the page", d -> pm.text(d.findElement(By.tagName("body"))).contains("owner Diego Alvarez"));
            dev.until("Diego's bell to count the notice without a reload", d -> !bellLabel(dev).equals(unreadBefore[0]));
        });
    }

    private long sentToSponsor() {
        Long n = jdbc.queryForObject("select count(*) from outbox_message where kind = 'COMMUNICATION' and recipient = 'helen.marsh@acme.example'",
                Long.class);
        return n == null ? 0 : n;
    }

    private static String bellLabel(JourneyBrowser window) {
        return window.driver().findElements(By.cssSelector(".notification-bell-button")).stream().findFirst()
                .map(b -> b.getDomAttribute("aria-label")).orElse(null);
    }

    private static WebElement visibleButton(JourneyBrowser window, String label) {
        return window.driver().findElements(By.cssSelector("vaadin-button")).stream()
                .filter(WebElement::isDisplayed).filter(b -> window.text(b).equals(label)).findFirst().orElse(null);
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("comms-%02d-%s", ++stepNumber, name), action, pm, dev);
    }
}
