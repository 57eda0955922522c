package app.cadence.journey;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.JourneyTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccountRepository;
import app.cadence.tenancy.service.TenantScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The largest template the importer accepts (2,000 steps in one section) opens on its page and in
 * the designer in a real browser, and the page says how long each took (C12, finding 8: the page
 * used to fail with "Attempted to fetch more items…" and took ~40 s to draw). No timing assertion:
 * the figures are printed for the record.
 */
@JourneyTest
class LargeTemplatePageJourneyTest {

    private static final String PMO_EMAIL = "pmo@acme.example";

    @LocalServerPort
    private int port;
    @Autowired TemplateTransfer transfer;
    @Autowired TenantScope scope;
    @Autowired TenantRepository tenants;
    @Autowired UserAccountRepository users;

    private JourneyBrowser pmo;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (pmo != null) {
            pmo.close();
        }
    }

    @Test
    void aTwoThousandStepTemplateOpensOnItsPageAndInTheDesigner() throws IOException {
        Long tenantId = tenants.findBySlug("acme").orElseThrow().getId();
        Long userId = users.findByEmail(PMO_EMAIL).orElseThrow().getId();
        Long id = scope.call(userId, tenantId, () -> transfer.importFile(SampleTemplates.longRunbookFile(TemplateContent.MAX_ITEMS).getBytes(StandardCharsets.UTF_8)).templateId());
        pmo = new JourneyBrowser(port, "large-template");
        pmo.signIn(PMO_EMAIL);

        long start = System.nanoTime();
        pmo.driver().get(pmo.url("/templates/" + id));
        pmo.waitForVaadin();
        pmo.until("the last visible step of the content grid", d -> (Boolean) pmo.js().executeScript(
                "const g = document.querySelector('vaadin-grid.template-content');"
                        + "return !!g && g.querySelectorAll('vaadin-grid-cell-content').length > 20 && !g.loading;"));
        long page = System.nanoTime() - start;
        pmo.screenshot("large-template-page");
        // Scrolled to the end, the grid fetches the last rows: no "Attempted to fetch more items…".
        pmo.js().executeScript("document.querySelector('vaadin-grid.template-content').scrollToIndex(0, 1999);");
        pmo.waitForVaadin();
        pmo.until("the last step after scrolling", d -> (Boolean) pmo.js().executeScript(
                "return [...document.querySelectorAll('vaadin-grid.template-content vaadin-grid-cell-content')]"
                        + ".some(c => c.textContent.trim() === 'Step 2000');"));
        pmo.screenshot("large-template-page-end");
        assertThat(pmo.driver().findElements(By.cssSelector("vaadin-notification-card"))).as("no error notification").isEmpty();

        start = System.nanoTime();
        pmo.driver().get(pmo.url("/templates/design/" + id));
        pmo.waitForVaadin();
        pmo.until("the designer's step grid", d -> (Boolean) pmo.js().executeScript(
                "const g = document.querySelector('.designer-section vaadin-grid');"
                        + "return !!g && g.querySelectorAll('vaadin-grid-cell-content').length > 20 && !g.loading;"));
        long designer = System.nanoTime() - start;
        pmo.screenshot("large-template-designer");
        System.out.printf("2,000-step template in Chromium: page %d ms, designer %d ms (navigation to a drawn grid)%n",
                page / 1_000_000, designer / 1_000_000);
    }
}
