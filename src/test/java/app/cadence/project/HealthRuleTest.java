package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.domain.Health;
import app.cadence.project.domain.HealthFacts;
import app.cadence.project.domain.HealthRule;
import app.cadence.project.domain.HealthRule.Assessment;
import app.cadence.project.domain.HealthRule.Thresholds;
import app.cadence.project.domain.ProjectStatus;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** Far enough away that the go-live rule never applies unless a test says so. */
    static final LocalDate LATER = TODAY.plusMonths(6);

    /** Items of a communication plan (no runbook), with these counts. */
    static HealthFacts counts(long items, long due, long overdue, long blocked) {
        return new HealthFacts(items, due, overdue, blocked, 0, null, 0);
    }

    static Assessment active(HealthFacts facts) {
        return HealthRule.assess(facts, ProjectStatus.ACTIVE, LATER, TODAY, Thresholds.DEFAULTS);
    }

    static Assessment goingLive(HealthFacts facts, @Nullable LocalDate goLive, Thresholds thresholds) {
        return HealthRule.assess(facts, ProjectStatus.ACTIVE, goLive, TODAY, thresholds);
    }

    @Test
    void anActiveProjectWithNothingAppliedIsNotAssessed() {
        assertThat(active(HealthFacts.none())).isEqualTo(new Assessment(Health.NOT_ASSESSED, "No templates applied yet."));
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"PROPOSED", "ON_HOLD", "CLOSED"})
    void aProjectThatIsNotActiveIsNotAssessedWhateverItsItemsSay(ProjectStatus status) {
        // Red by its items, and going live tomorrow with no runbook: still nothing to judge while it is not under way.
        HealthFacts red = new HealthFacts(40, 20, 10, 3, 2, "Load data", 0);
        Assessment assessment = HealthRule.assess(red, status, TODAY.plusDays(1), TODAY, Thresholds.DEFAULTS);
        assertThat(assessment.health()).isEqualTo(Health.NOT_ASSESSED);
        assertThat(assessment.reason()).startsWith("Not assessed").contains(status.label().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void nothingOverdueOrBlockedIsGreen() {
        assertThat(active(counts(40, 10, 0, 0))).isEqualTo(new Assessment(Health.GREEN, "Nothing overdue or blocked."));
    }

    @Test
    void anyOverdueIsAmberUpToTenPercent() {
        Assessment assessment = active(counts(40, 20, 2, 0));
        assertThat(assessment.health()).isEqualTo(Health.AMBER);
        assertThat(assessment.reason()).isEqualTo("2 of 20 due items overdue (10%).");
    }

    @Test
    void moreThanTenPercentOverdueIsRed() {
        Assessment assessment = active(counts(40, 20, 3, 0));
        assertThat(assessment.health()).isEqualTo(Health.RED);
        assertThat(assessment.reason()).isEqualTo("3 of 20 due items overdue (15%) — more than 10%.");
    }

    @Test
    void theRedShareIsTheTenantsThreshold() {
        HealthFacts fifteenPercent = counts(40, 20, 3, 0);
        assertThat(goingLive(fifteenPercent, LATER, new Thresholds(20, 14)))
                .isEqualTo(new Assessment(Health.AMBER, "3 of 20 due items overdue (15%)."));
        assertThat(goingLive(counts(40, 20, 5, 0), LATER, new Thresholds(20, 14)))
                .isEqualTo(new Assessment(Health.RED, "5 of 20 due items overdue (25%) — more than 20%."));
        // Exactly at the threshold is not above it.
        assertThat(goingLive(counts(40, 20, 4, 0), LATER, new Thresholds(20, 14)).health()).isEqualTo(Health.AMBER);
    }

    @Test
    void aZeroThresholdMakesAnyOverdueItemRedAndAHundredNone() {
        assertThat(goingLive(counts(400, 200, 1, 0), LATER, new Thresholds(0, 14)))
                .isEqualTo(new Assessment(Health.RED, "1 of 200 due items overdue (1%) — more than 0%."));
        assertThat(goingLive(counts(20, 20, 20, 0), LATER, new Thresholds(100, 14)))
                .isEqualTo(new Assessment(Health.AMBER, "20 of 20 due items overdue (100%)."));
    }

    @Test
    void aBlockedItemOffTheCriticalPathIsAmber() {
        assertThat(active(counts(40, 0, 0, 1))).isEqualTo(new Assessment(Health.AMBER, "1 item blocked."));
    }

    @Test
    void aBlockedStepOnTheCriticalPathIsRedAndNamed() {
        Assessment assessment = active(new HealthFacts(40, 0, 0, 3, 2, "Load data", 30));
        assertThat(assessment.health()).isEqualTo(Health.RED);
        assertThat(assessment.reason()).isEqualTo("Blocked on a cutover's critical path: “Load data” and 1 more.");
    }

    @Test
    void overdueAndBlockedAreBothNamed() {
        assertThat(active(counts(100, 50, 1, 2)).reason()).isEqualTo("1 of 50 due items overdue (2%); 2 items blocked.");
    }

    @Test
    void goingLiveWithinTheWindowWithoutARunbookIsAmberAndSaysWhen() {
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.plusDays(14), Thresholds.DEFAULTS)).isEqualTo(new Assessment(Health.AMBER,
                "Goes live on 16 Mar 2026 (in 14 days) with no cutover runbook applied."));
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.plusDays(1), Thresholds.DEFAULTS).reason())
                .isEqualTo("Goes live on 3 Mar 2026 (tomorrow) with no cutover runbook applied.");
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY, Thresholds.DEFAULTS).reason())
                .isEqualTo("Goes live on 2 Mar 2026 (today) with no cutover runbook applied.");
    }

    @Test
    void goingLiveSoonWithNothingAppliedIsAmberNotNotAssessed() {
        assertThat(goingLive(HealthFacts.none(), TODAY.plusDays(5), Thresholds.DEFAULTS)).isEqualTo(new Assessment(Health.AMBER,
                "Goes live on 7 Mar 2026 (in 5 days) with no cutover runbook applied."));
    }

    @Test
    void aGoLiveOutsideTheWindowOrPastOrUnknownChangesNothing() {
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.plusDays(15), Thresholds.DEFAULTS).health()).isEqualTo(Health.GREEN);
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.minusDays(1), Thresholds.DEFAULTS).health()).isEqualTo(Health.GREEN);
        assertThat(goingLive(counts(12, 4, 0, 0), null, Thresholds.DEFAULTS).health()).isEqualTo(Health.GREEN);
        assertThat(goingLive(HealthFacts.none(), TODAY.plusDays(15), Thresholds.DEFAULTS).health()).isEqualTo(Health.NOT_ASSESSED);
    }

    @Test
    void aRunbookAppliedSettlesTheGoLive() {
        HealthFacts withRunbook = new HealthFacts(30, 0, 0, 0, 0, null, 30);
        assertThat(goingLive(withRunbook, TODAY.plusDays(3), Thresholds.DEFAULTS).health()).isEqualTo(Health.GREEN);
    }

    @Test
    void theGoLiveWindowIsTheTenantsThreshold() {
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.plusDays(30), new Thresholds(10, 30)).health()).isEqualTo(Health.AMBER);
        assertThat(goingLive(counts(12, 4, 0, 0), TODAY.plusDays(8), new Thresholds(10, 7)).health()).isEqualTo(Health.GREEN);
    }

    @Test
    void aGoLiveWithoutRunbookIsNamedAfterOverdueAndBlockedItems() {
        assertThat(goingLive(counts(100, 50, 1, 2), TODAY.plusDays(10), Thresholds.DEFAULTS).reason())
                .isEqualTo("1 of 50 due items overdue (2%); 2 items blocked; goes live on 12 Mar 2026 (in 10 days) with no cutover runbook applied.");
    }

    @Test
    void redOutranksAGoLiveWithoutRunbook() {
        assertThat(goingLive(counts(20, 10, 5, 0), TODAY.plusDays(2), Thresholds.DEFAULTS).health()).isEqualTo(Health.RED);
    }

    @Test
    void onlyRedAmberAndGreenCanBeSetByHand() {
        assertThat(Health.RAG).containsExactly(Health.RED, Health.AMBER, Health.GREEN);
        assertThat(Health.NOT_ASSESSED.label()).isEqualTo("Not assessed");
        assertThat(Health.NOT_ASSESSED.styleClass()).isEqualTo("health-not-assessed");
    }
}
