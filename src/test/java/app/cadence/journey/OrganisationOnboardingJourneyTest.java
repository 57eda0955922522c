package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import app.cadence.support.Mailbox;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue C5's "done means", in the browser: Bill signs up "Initech", confirms through the emailed
 * link and signs in as its ADMIN; he invites pm@initech.example (new to Cadence) and the demo
 * consultant (already in Acme and Globex); Peter creates his account from his link, the
 * consultant signs in from hers and then has three organisations; Bill demotes Peter and
 * deactivates the consultant, who loses Initech on her next request; the platform operator
 * suspends Initech (Bill is stopped at his next request) and reactivates it.
 *
 * <p>No SMTP server runs here: the links are read from the outbox table, where the email waits
 * to be sent, sealed — opened with the app's key, it is the same text the recipient would get
 * (Peter's link carries the code that only his email has).
 */
@JourneyTest
class OrganisationOnboardingJourneyTest {

    private static final String BILL = "bill@initech.example";
    private static final String BILL_PASSWORD = "yeah that would be great";
    private static final String PETER = "pm@initech.example";
    private static final String PETER_PASSWORD = "case of the mondays";
    private static final String CONSULTANT = "consultant@example.com";

    @LocalServerPort
    private int port;

    @Autowired JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;

    private final List<JourneyBrowser> browsers = new java.util.ArrayList<>();
    private int stepNumber;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        for (JourneyBrowser browser : browsers) {
            browser.close();
        }
    }

    private JourneyBrowser open(String name) throws IOException {
        JourneyBrowser browser = new JourneyBrowser(port, "onboarding-" + name);
        browsers.add(browser);
        return browser;
    }

    /** The link of the last email to {@code recipient}, as it would arrive. */
    private String linkSentTo(String recipient) {
        return mailbox.last(recipient).emailedLink();
    }

    private static String pathOf(String link) {
        java.net.URI uri = java.net.URI.create(link);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void initechSignsUpInvitesItsPeopleAndManagesThem() throws IOException {
        JourneyBrowser bill = open("bill");
        step(bill, "signup-form", () -> {
            bill.driver().get(bill.url("/login"));
            bill.click("the sign-up link", () -> bill.driver().findElement(By.cssSelector("a.login-signup")));
            bill.until("the sign-up page", d -> bill.path().equals("/signup"));
            bill.waitForVaadin();
            JourneyBrowser.type(JourneyBrowser.nativeInput(bill.field(null, "vaadin-text-field", "Organisation")), "Initech");
            JourneyBrowser.type(JourneyBrowser.nativeInput(bill.field(null, "vaadin-text-field", "Your name")), "Bill Lumbergh");
            JourneyBrowser.type(JourneyBrowser.nativeInput(bill.field(null, "vaadin-email-field", "Work email")), BILL);
            JourneyBrowser.type(JourneyBrowser.nativeInput(bill.field(null, "vaadin-password-field", "Password")), BILL_PASSWORD);
            bill.click("Create organisation", () -> bill.button(bill.driver().findElement(By.tagName("body")), "Create organisation"));
            bill.until("check your inbox", d -> d.findElements(By.xpath("//h2[text()='Check your inbox']")).size() == 1);
        });
        step(bill, "signup-confirmed", () -> {
            bill.driver().get(bill.url(pathOf(linkSentTo(BILL))));
            bill.waitForVaadin();
            bill.click("Create Initech", () -> bill.button(bill.driver().findElement(By.tagName("body")), "Create Initech"));
            bill.until("Initech ready", d -> d.findElements(By.xpath("//h2[text()='Initech is ready']")).size() == 1);
            bill.driver().get(bill.url("/login"));
            bill.signInHere(BILL, BILL_PASSWORD);
            bill.until("Bill's portfolio", d -> bill.path().equals("/portfolio"));
        });

        step(bill, "invitations-sent", () -> {
            bill.driver().get(bill.url("/admin/members"));
            bill.waitForVaadin();
            invite(bill, PETER, "Project manager");
            invite(bill, CONSULTANT, "PMO");
            bill.until("two waiting invitations", d -> d.findElements(By.xpath(
                    "//vaadin-grid-cell-content[text()='Waiting']")).size() == 2);
        });

        JourneyBrowser peter = open("peter");
        step(peter, "peter-joins", () -> {
            peter.driver().get(peter.url(pathOf(linkSentTo(PETER))));
            peter.waitForVaadin();
            peter.until("the invitation", d -> d.findElements(By.xpath("//h2[text()='Join Initech']")).size() == 1);
            JourneyBrowser.type(JourneyBrowser.nativeInput(peter.field(null, "vaadin-text-field", "Your name")), "Peter Gibbons");
            JourneyBrowser.type(JourneyBrowser.nativeInput(peter.field(null, "vaadin-password-field", "Choose a password")), PETER_PASSWORD);
            JourneyBrowser.type(JourneyBrowser.nativeInput(peter.field(null, "vaadin-password-field", "Repeat the password")), PETER_PASSWORD);
            peter.click("Create account and join", () -> peter.button(peter.driver().findElement(By.tagName("body")), "Create account and join"));
            peter.until("welcome", d -> d.findElements(By.xpath("//h2[text()='Welcome to Initech']")).size() == 1);
            peter.driver().get(peter.url("/login"));
            peter.signInHere(PETER, PETER_PASSWORD);
            peter.until("Peter's projects page", d -> peter.path().equals("/projects"));
        });

        JourneyBrowser consultant = open("consultant");
        step(consultant, "consultant-joins", () -> {
            consultant.driver().get(consultant.url(pathOf(linkSentTo(CONSULTANT))));
            consultant.waitForVaadin();
            consultant.click("Sign in to accept", () -> consultant.button(consultant.driver().findElement(By.tagName("body")),
                    "Sign in as " + CONSULTANT + " to accept"));
            consultant.until("the login page", d -> consultant.path().equals("/login"));
            consultant.signInHere(CONSULTANT, JourneyBrowser.PASSWORD);
            // Signed in, the consultant is brought back to the invitation.
            consultant.until("the invitation again", d -> consultant.path().startsWith("/join/"));
            consultant.waitForVaadin();
            consultant.click("Join Initech", () -> consultant.button(consultant.driver().findElement(By.tagName("body")), "Join Initech"));
            consultant.until("Initech's portfolio", d -> consultant.path().equals("/portfolio"));
            consultant.waitForVaadin();
            consultant.driver().get(consultant.url("/select-tenant"));
            consultant.waitForVaadin();
            consultant.until("three organisations to choose from", d -> d.findElements(By.cssSelector("vaadin-button.tenant-choice")).size() == 3);
        });

        step(bill, "peter-demoted-consultant-deactivated", () -> {
            bill.driver().navigate().refresh();
            bill.waitForVaadin();
            bill.click("Change the role of Peter", () -> bill.driver().findElement(
                    By.cssSelector("vaadin-button[aria-label='Change the role of Peter Gibbons']")));
            WebElement dialog = bill.until("the role dialog", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened], vaadin-dialog[opened]")).stream().findFirst().orElse(null));
            bill.click("the role select", () -> bill.field(null, "vaadin-select", "Role"));
            bill.click("Viewer", () -> bill.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> bill.text(i).equals("Viewer")).findFirst().orElse(null));
            bill.click("Save", () -> bill.button(dialog, "Save"));
            bill.until("Peter as a viewer", d -> d.findElements(By.xpath("//vaadin-grid-cell-content[text()='Viewer']")).size() == 1);

            bill.click("Deactivate the consultant", () -> bill.driver().findElement(
                    By.cssSelector("vaadin-button[aria-label='Deactivate Connor Blake']")));
            bill.click("confirm", () -> bill.driver().findElements(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button, vaadin-button[slot='confirm-button']"))
                    .stream().filter(b -> bill.text(b).equals("Deactivate")).findFirst().orElse(null));
            bill.until("the consultant gone from the list", d -> d.findElements(By.cssSelector(
                    "vaadin-button[aria-label='Deactivate Connor Blake']")).isEmpty());
        });

        step(consultant, "consultant-loses-initech", () -> {
            consultant.driver().get(consultant.url("/select-tenant"));
            consultant.waitForVaadin();
            consultant.until("two organisations again", d -> d.findElements(By.cssSelector("vaadin-button.tenant-choice")).size() == 2);
        });

        JourneyBrowser operator = open("operator");
        step(operator, "operator-suspends-initech", () -> {
            operator.driver().get(operator.url("/login"));
            operator.signInHere("operator@cadence.example", JourneyBrowser.PASSWORD);
            operator.until("the operator console", d -> operator.path().equals("/operator/tenants"));
            operator.waitForVaadin();
            operator.click("Suspend Initech", () -> operator.driver().findElement(By.cssSelector("vaadin-button[aria-label='Suspend Initech']")));
            WebElement dialog = operator.until("the suspend dialog", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened], vaadin-dialog[opened]"))
                    .stream().findFirst().orElse(null));
            JourneyBrowser.type(JourneyBrowser.nativeInput(operator.field(null, "vaadin-text-area", "Reason")), "Contract paused");
            operator.click("confirm the suspension", () -> operator.button(dialog, "Suspend Initech"));
            operator.until("Initech offered for reactivation", d -> !d.findElements(By.cssSelector("vaadin-button[aria-label='Reactivate Initech']")).isEmpty());
        });

        step(bill, "bill-stopped-at-next-request", () -> {
            bill.driver().get(bill.url("/projects"));
            bill.until("the organisation picker", d -> bill.path().equals("/select-tenant"));
            bill.waitForVaadin();
            bill.until("the suspension notice", d -> d.findElements(By.cssSelector(".tenant-suspended")).stream()
                    .anyMatch(p -> bill.text(p).startsWith("Initech is suspended")));
        });

        step(operator, "operator-reactivates-initech", () -> {
            operator.click("Reactivate Initech", () -> operator.driver().findElement(By.cssSelector("vaadin-button[aria-label='Reactivate Initech']")));
            operator.click("confirm", () -> operator.driver().findElements(By.cssSelector("vaadin-button[slot='confirm-button']"))
                    .stream().filter(b -> operator.text(b).equals("Reactivate")).findFirst().orElse(null));
            operator.until("Initech suspendable again", d -> !d.findElements(By.cssSelector("vaadin-button[aria-label='Suspend Initech']")).isEmpty());
        });

        step(bill, "bill-back-in-initech", () -> {
            bill.driver().get(bill.url("/"));
            bill.waitForVaadin();
            if (bill.path().equals("/select-tenant")) {
                bill.click("Initech", () -> bill.driver().findElements(By.cssSelector("vaadin-button.tenant-choice")).stream()
                        .findFirst().orElse(null));
            }
            bill.until("Initech's portfolio", d -> bill.path().equals("/portfolio"));
        });
    }

    private static void invite(JourneyBrowser admin, String email, String role) {
        admin.click("Invite people", () -> admin.button(admin.driver().findElement(By.tagName("body")), "Invite people"));
        WebElement dialog = admin.until("the invite dialog", d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened], vaadin-dialog[opened]")).stream().findFirst().orElse(null));
        JourneyBrowser.type(JourneyBrowser.nativeInput(admin.field(null, "vaadin-email-field", "Email")), email);
        admin.click("the role select", () -> admin.field(null, "vaadin-select", "Role"));
        admin.click(role, () -> admin.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> admin.text(i).equals(role)).findFirst().orElse(null));
        admin.click("Send invitation", () -> admin.button(dialog, "Send invitation"));
        admin.until("the invitation listed", d -> d.findElements(By.xpath("//vaadin-grid-cell-content[text()='" + email + "']")).size() == 1);
    }

    private void step(JourneyBrowser browser, String name, Runnable action) {
        String file = String.format("onboarding-%02d-%s", ++stepNumber, name);
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            browser.saveEvidence(file + "-FAILED");
            throw e;
        }
        browser.screenshot(file);
    }
}
