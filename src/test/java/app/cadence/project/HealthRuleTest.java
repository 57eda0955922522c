package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.HealthFacts;
import app.cadence.project.domain.HealthRule;
import org.junit.jupiter.api.Test;

class HealthRuleTest {

    @Test
    void noItemsIsGreenAndSaysSo() {
        assertThat(HealthRule.assess(HealthFacts.none())).isEqualTo(new HealthRule.Assessment(Health.GREEN, "No templates applied yet."));
    }

    @Test
    void nothingOverdueOrBlockedIsGreen() {
        assertThat(HealthRule.assess(new HealthFacts(40, 10, 0, 0, 0, null)).health()).isEqualTo(Health.GREEN);
    }

    @Test
    void anyOverdueIsAmberUpToTenPercent() {
        HealthRule.Assessment assessment = HealthRule.assess(new HealthFacts(40, 20, 2, 0, 0, null));
        assertThat(assessment.health()).isEqualTo(Health.AMBER);
        assertThat(assessment.reason()).isEqualTo("2 of 20 due items overdue (10%).");
    }

    @Test
    void moreThanTenPercentOverdueIsRed() {
        HealthRule.Assessment assessment = HealthRule.assess(new HealthFacts(40, 20, 3, 0, 0, null));
        assertThat(assessment.health()).isEqualTo(Health.RED);
        assertThat(assessment.reason()).isEqualTo("3 of 20 due items overdue (15%) — more than 10%.");
    }

    @Test
    void aBlockedItemOffTheCriticalPathIsAmber() {
        HealthRule.Assessment assessment = HealthRule.assess(new HealthFacts(40, 0, 0, 1, 0, null));
        assertThat(assessment).isEqualTo(new HealthRule.Assessment(Health.AMBER, "1 item blocked."));
    }

    @Test
    void aBlockedStepOnTheCriticalPathIsRedAndNamed() {
        HealthRule.Assessment assessment = HealthRule.assess(new HealthFacts(40, 0, 0, 3, 2, "Load data"));
        assertThat(assessment.health()).isEqualTo(Health.RED);
        assertThat(assessment.reason()).isEqualTo("Blocked on a cutover's critical path: “Load data” and 1 more.");
    }

    @Test
    void overdueAndBlockedAreBothNamed() {
        assertThat(HealthRule.assess(new HealthFacts(100, 50, 1, 2, 0, null)).reason())
                .isEqualTo("1 of 50 due items overdue (2%); 2 items blocked.");
    }
}
