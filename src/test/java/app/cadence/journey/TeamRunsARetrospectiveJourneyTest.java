package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.retro.service.RetroSessions;
import app.cadence.support.JourneyTest;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.InstanceProgress;
import app.cadence.work.service.InstanceReading;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
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

/**
 * A sprint retrospective in three browsers (issue C8): ERP-01's retrospective is in its Reflect
 * phase (demo data). Marcus (PM, facilitator), Diego and Priya each write a card and see only
 * their own; Marcus reveals them and every screen shows all cards within a second; Diego groups
 * his card with Priya's from the keyboard and names the group; everyone puts a dot on it; in the
 * discussion Marcus agrees an action owned by Diego, which appears in Diego's My work. Marcus
 * records the topic as a lesson about the ERP go-live runbook and proposes a new step from it;
 * Priya, the PMO, accepts the proposal into the runbook's draft.
 *
 * <p>Same set-up as the other journeys. Screenshots go to {@code target/journey-screenshots/},
 * prefixed {@code retro-}.
 */
@JourneyTest
class TeamRunsARetrospectiveJourneyTest {

    private static final String PM_CARD = "Freeze the account mapping two weeks before cutover";
    private static final String DEV_CARD = "Mapping changes arriving on test day";
    private static final String PMO_CARD = "Late chart of accounts changes";
    private static final String GROUP = "Late mapping changes";
    private static final String ACTION = "Agree a mapping freeze date with finance";
    private static final String RUNBOOK = "ERP go-live cutover runbook";
    private static final String RECOMMENDATION = "Freeze the chart of accounts mapping two weeks before the cutover.";
    private static final String NEW_STEP = "Confirm the account mapping freeze with finance";

    @LocalServerPort
    private int port;

    @Autowired TenantScope scope;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository accounts;
    @Autowired ProjectService projects;
    @Autowired InstanceReading instances;
    @Autowired RetroSessions sessions;

    private JourneyBrowser pm;
    private JourneyBrowser dev;
    private JourneyBrowser pmo;
    private int stepNumber;
    private Long acme;
    private Long pmId;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @BeforeEach
    void startBrowsers() throws IOException {
        pm = new JourneyBrowser(port, "A-pm");
        dev = new JourneyBrowser(port, "B-dev");
        pmo = new JourneyBrowser(port, "C-pmo");
        acme = tenants.findBySlug("acme").orElseThrow().getId();
        pmId = accounts.findByEmail("pm@acme.example").orElseThrow().getId();
    }

    @AfterEach
    void stopBrowsers() throws IOException {
        try {
            pm.close();
        } finally {
            try {
                dev.close();
            } finally {
                pmo.close();
            }
        }
    }

    @Test
    void threeParticipantsReflectGroupVoteAndAgreeAnActionThatReachesItsOwner() throws Exception {
        String board = "/retros/" + erpRetrospective();

        step("everyone-on-the-board", () -> {
            for (JourneyBrowser window : List.of(pm, dev, pmo)) {
                window.signIn(email(window));
                window.driver().get(window.url(board));
                window.until("the Reflect phase", d -> currentPhase(window).equals("Reflect"));
            }
        });

        step("cards-written", () -> {
            addCard(pm, "Start", PM_CARD);
            addCard(dev, "Stop", DEV_CARD);
            addCard(pmo, "Stop", PMO_CARD);
            assertThat(cards(dev)).as("Diego sees his own cards only").contains(DEV_CARD).doesNotContain(PM_CARD, PMO_CARD);
            assertThat(cards(pm)).contains(PM_CARD).doesNotContain(DEV_CARD, PMO_CARD);
        });

        step("revealed", () -> {
            pm.click("Reveal all cards", () -> pm.button(pm.driver().findElement(By.cssSelector(".retro-controls")), "Reveal all cards"));
            for (JourneyBrowser window : List.of(pm, dev, pmo)) {
                window.until("every card on " + window, d -> cards(window).containsAll(List.of(PM_CARD, DEV_CARD, PMO_CARD)));
            }
        });

        step("grouped", () -> {
            next(pm, "Next: Group", "Group");
            dev.until("the Group phase on Diego's screen", d -> currentPhase(dev).equals("Group"));
            WebElement card = dev.until("Diego's card", d -> cardBox(dev, DEV_CARD));
            dev.click("Move to…", () -> card.findElement(By.cssSelector("vaadin-button.retro-move-to")));
            WebElement where = dev.until("the Move dialog's topic list", d -> d.findElements(By.cssSelector("vaadin-combo-box.retro-move-target"))
                    .stream().findFirst().orElse(null));
            JourneyBrowser.type(where.findElement(By.cssSelector("input")), "Late chart");
            dev.click(PMO_CARD, () -> where.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(i -> i.isDisplayed() && dev.text(i).equals(PMO_CARD)).findFirst().orElse(null));
            dev.until("the combo box to show the topic", d -> JourneyBrowser.fieldValue(where).equals(PMO_CARD));
            dev.click("Move", () -> d(dev).findElements(By.cssSelector("vaadin-button")).stream()
                    .filter(b -> b.isDisplayed() && dev.text(b).equals("Move")).findFirst().orElse(null));
            WebElement name = dev.until("the group of two", d -> d.findElements(By.cssSelector(".retro-topic")).stream()
                    .filter(t -> t.findElements(By.cssSelector(".retro-card")).size() == 2).findFirst()
                    .map(t -> t.findElement(By.cssSelector("vaadin-text-field.retro-group-name"))).orElse(null));
            JourneyBrowser.type(JourneyBrowser.nativeInput(name), GROUP + "\n");
            pmo.until("the named group on Priya's screen", d -> d.findElements(By.cssSelector("vaadin-text-field.retro-group-name")).stream()
                    .anyMatch(f -> GROUP.equals(JourneyBrowser.fieldValue(f))));
        });

        step("voted", () -> {
            next(pm, "Next: Vote", "Vote");
            for (JourneyBrowser window : List.of(pm, dev, pmo)) {
                window.until("the Vote phase", d -> currentPhase(window).equals("Vote"));
                window.click("a dot on the group", () -> window.driver().findElement(
                        By.cssSelector("vaadin-button[aria-label='Put a dot on " + GROUP + "']")));
                window.until("two dots left", d -> window.text(d.findElement(By.cssSelector(".retro-votes-left"))).startsWith("2 of 3 dots left"));
            }
        });

        step("discussed", () -> {
            next(pm, "Next: Discuss", "Discuss");
            pm.click("Discuss the group", () -> pm.driver().findElement(By.cssSelector("vaadin-button[aria-label='Discuss " + GROUP + "']")));
            dev.until("the topic under discussion on Diego's screen, with three votes",
                    d -> dev.text(d.findElement(By.cssSelector(".retro-current-topic h3"))).equals(GROUP + " · 3 votes"));
            typeInto(pm, JourneyBrowser.nativeInput(pm.field(null, "vaadin-text-field", "Action")), ACTION);
            WebElement owner = pm.field(null, "vaadin-combo-box", "Owner");
            typeInto(pm, owner.findElement(By.cssSelector("input")), "Diego");
            pm.click("Diego in the owner list", () -> owner.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(i -> i.isDisplayed() && pm.text(i).equals("Diego Alvarez")).findFirst().orElse(null));
            pm.until("Diego as the owner", d -> JourneyBrowser.fieldValue(owner).equals("Diego Alvarez"));
            pm.click("Add action", () -> pm.button(pm.driver().findElement(By.cssSelector(".retro-action-form")), "Add action"));
            pmo.until("the action on Priya's screen", d -> d.findElements(By.cssSelector(".retro-action-title")).stream()
                    .anyMatch(t -> pmo.text(t).equals(ACTION)));
        });

        step("in-diegos-my-work", () -> {
            dev.driver().get(dev.url("/my-work"));
            dev.until("the action in Diego's My work", d -> d.findElements(By.cssSelector(".my-retro-actions a")).stream()
                    .anyMatch(a -> dev.text(a).equals(ACTION)));
        });

        step("lesson-recorded", () -> {
            pm.click("Record as lesson", () -> JourneyBrowser.shown(pm.driver().findElement(By.cssSelector(".retro-topic-tools")),
                    "vaadin-button.retro-record-lesson"));
            WebElement title = pm.field(null, "vaadin-text-field", "Title");
            pm.until("the topic as the lesson's title", d -> JourneyBrowser.fieldValue(title).equals(GROUP));
            pm.click("the Category select", () -> pm.field(null, "vaadin-select", "Category"));
            pm.click("Cutover", () -> pm.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.isDisplayed() && pm.text(i).equals("Cutover")).findFirst().orElse(null));
            WebElement template = pm.field(null, "vaadin-combo-box", "Template it concerns");
            typeInto(pm, template.findElement(By.cssSelector("input")), "ERP go-live");
            pm.click("the ERP runbook", () -> template.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(i -> i.isDisplayed() && pm.text(i).startsWith(RUNBOOK)).findFirst().orElse(null));
            pm.until("the runbook chosen", d -> JourneyBrowser.fieldValue(template).startsWith(RUNBOOK));
            typeInto(pm, JourneyBrowser.nativeInput(pm.field(null, "vaadin-text-area", "Recommendation")), RECOMMENDATION);
            pm.click("Record lesson", () -> pm.driver().findElements(By.cssSelector("vaadin-button.record-lesson")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            pm.until("the dialog to close", d -> d.findElements(By.cssSelector("vaadin-button.record-lesson")).stream().noneMatch(WebElement::isDisplayed));
        });

        step("change-proposed", () -> {
            pm.driver().get(pm.url("/lessons"));
            pm.click("the lesson in the library", () -> pm.gridLink(GROUP));
            pm.until("the lesson's page", d -> pm.path().matches("/lessons/\\d+"));
            assertThat(pm.text(pm.driver().findElement(By.cssSelector(".lesson-source")))).contains(GROUP);
            pm.click("Propose a template change…", () -> pm.driver().findElements(By.cssSelector("vaadin-button")).stream()
                    .filter(b -> b.isDisplayed() && pm.text(b).equals("Propose a template change…")).findFirst().orElse(null));
            WebElement after = pm.field(null, "vaadin-combo-box", "After the step");
            pm.click("the step list", () -> after.findElement(By.cssSelector("input")));
            pm.click("the first step", () -> after.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            typeInto(pm, JourneyBrowser.nativeInput(pm.field(null, "vaadin-text-field", "Title of the new step")), NEW_STEP);
            pm.click("Propose", () -> pm.driver().findElements(By.cssSelector("vaadin-button.send-proposal")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            pm.until("the proposal waiting on the lesson's page", d -> d.findElements(By.cssSelector(".lesson-proposal.pending")).stream()
                    .anyMatch(WebElement::isDisplayed));
        });

        step("accepted-into-the-draft", () -> {
            pmo.driver().get(pmo.url("/lessons"));
            pmo.click("the lesson in the library", () -> pmo.gridLink(GROUP));
            pmo.until("the lesson's page", d -> pmo.path().matches("/lessons/\\d+"));
            pmo.click("the runbook link", () -> pmo.driver().findElements(By.cssSelector(".lesson-template a")).stream().findFirst().orElse(null));
            pmo.until("the runbook's page", d -> pmo.path().matches("/templates/\\d+"));
            pmo.click("the proposals waiting", () -> JourneyBrowser.shown(pmo.driver().findElement(By.tagName("body")), "vaadin-button.proposals-waiting"));
            WebElement proposal = pmo.until("this lesson's proposal", d -> d.findElements(By.cssSelector(".proposal-pending")).stream()
                    .filter(p -> p.isDisplayed() && pmo.text(p).contains(NEW_STEP)).findFirst().orElse(null));
            pmo.click("Accept into the draft", () -> JourneyBrowser.shown(proposal, "vaadin-button.accept-proposal"));
            pmo.until("the proposal accepted", d -> d.findElements(By.cssSelector(".proposal-accepted")).stream()
                    .anyMatch(p -> pmo.text(p).contains(NEW_STEP) && pmo.text(p).contains("Accepted by Priya Raman")));
        });
    }

    private Long erpRetrospective() {
        Long instanceId = as(() -> {
            Long projectId = projects.list("ERP-01", Sort.unsorted(), 0, 1).stream().map(ProjectRow::id).findFirst().orElseThrow();
            return instances.instancesOf(projectId).stream().filter(i -> i.name().equals("Sprint 12 retrospective"))
                    .map(InstanceProgress::id).findFirst().orElseThrow();
        });
        return as(() -> sessions.sessionOf(instanceId).orElseThrow());
    }

    private <T> T as(Supplier<T> action) {
        return scope.call(pmId, acme, action);
    }

    private String email(JourneyBrowser window) {
        return window == pm ? "pm@acme.example" : window == dev ? "dev@acme.example" : "pmo@acme.example";
    }

    private static String currentPhase(JourneyBrowser window) {
        return window.driver().findElements(By.cssSelector(".retro-phase-current")).stream().map(window::text).findFirst().orElse("");
    }

    private static void next(JourneyBrowser facilitator, String button, String phase) {
        facilitator.click(button, () -> facilitator.button(facilitator.driver().findElement(By.cssSelector(".retro-controls")), button));
        facilitator.until("the " + phase + " phase", d -> currentPhase(facilitator).equals(phase));
    }

    private static void addCard(JourneyBrowser window, String column, String text) {
        WebElement box = window.until("the " + column + " column", d -> d.findElements(By.cssSelector(".retro-column")).stream()
                .filter(c -> window.text(c.findElement(By.tagName("h3"))).equals(column)).findFirst().orElse(null));
        JourneyBrowser.type(JourneyBrowser.nativeInput(box.findElement(By.cssSelector("vaadin-text-area.retro-new-card"))), text);
        window.click("Add card", () -> window.button(box, "Add card"));
        window.until("the new card", d -> cards(window).contains(text));
    }

    /** Types into a field once it is scrolled into view: further down the board, a field may lie under the header. */
    private static void typeInto(JourneyBrowser window, WebElement input, String text) {
        window.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        JourneyBrowser.type(input, text);
    }

    private static org.openqa.selenium.WebDriver d(JourneyBrowser window) {
        return window.driver();
    }

    private static List<String> cards(JourneyBrowser window) {
        return window.driver().findElements(By.cssSelector(".retro-card-text")).stream().map(window::text).toList();
    }

    private static WebElement cardBox(JourneyBrowser window, String text) {
        return window.driver().findElements(By.cssSelector(".retro-card")).stream()
                .filter(c -> c.findElements(By.cssSelector(".retro-card-text")).stream().anyMatch(t -> window.text(t).equals(text)))
                .findFirst().orElse(null);
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("retro-%02d-%s", ++stepNumber, name), action, pm, dev, pmo);
    }
}
