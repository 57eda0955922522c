package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepRecurrence;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.domain.VersionComparison;
import app.cadence.template.domain.VersionComparison.FieldChange;
import app.cadence.template.service.TemplateFormat;
import app.cadence.template.service.TemplateFormatException;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A hypercare check that recurs: its rules, its place in the file format, and in version comparison. */
class StepRecurrenceTest {

    static final UUID HYPERCARE = UUID.randomUUID();
    static final UUID STANDUP = UUID.randomUUID();

    static CutoverStep check(StepType type, StepRecurrence recurrence) {
        return new CutoverStep(STANDUP, "Daily stand-up", null, type, 24 * 60, 30, "Cutover manager", List.of(), null, null, false)
                .withRecurrence(recurrence);
    }

    static TemplateContent runbook(SectionRole role, CutoverStep... steps) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(new TemplateSection(HYPERCARE, "After go-live", role, List.of(steps))), null);
    }

    @Test
    void aHypercareTaskMayRecurEveryFewHoursOrDailyAtATime() {
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.of(9, 0), 14))).problems()).isEmpty();
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.COMMUNICATION, new StepRecurrence.EveryHours(24, 90))).problems()).isEmpty();
        assertThat(new StepRecurrence.EveryHours(1, 1).label()).isEqualTo("Every hour for 1 day");
        assertThat(new StepRecurrence.DailyAt(LocalTime.of(9, 5, 30), 14).label()).isEqualTo("Daily at 09:05 for 14 days");
    }

    @Test
    void theNumbersAndThePlaceOfARecurringStepAreCheckedWithAMessageNamingTheStep() {
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.EveryHours(25, 3))).problems()).containsExactly(
                "Step “Daily stand-up” recurs every 25 hours; choose every 1 to 24 hours, or daily at a time.");
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.EveryHours(0, 3))).problems()).hasSize(1);
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.NOON, 91))).problems()).containsExactly(
                "Step “Daily stand-up” recurs for 91 days; hypercare checks recur for 1 to 90 days.");
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.NOON, 0))).problems()).hasSize(1);
        assertThat(runbook(SectionRole.VALIDATION, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.NOON, 3))).problems()).containsExactly(
                "Step “Daily stand-up” recurs, but only the checks of a hypercare section can recur. Move it to a hypercare section "
                        + "or make it a one-off step.");
        assertThat(runbook(SectionRole.HYPERCARE, check(StepType.MILESTONE, new StepRecurrence.DailyAt(LocalTime.NOON, 3))).problems()).containsExactly(
                "Step “Daily stand-up” is a milestone and happens once; only tasks and communications recur.");
    }

    @Test
    void theRecurrenceSurvivesTheFileFormatAndAFileWithoutOneStillReads() {
        TemplateContent daily = runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.of(9, 0), 14)));
        String json = TemplateFormat.write(daily);
        assertThat(json).contains("\"recurrence\":{\"dailyAt\":\"09:00\",\"days\":14}");
        assertThat(TemplateFormat.read(json)).isEqualTo(daily);
        TemplateContent hourly = runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.EveryHours(4, 3)));
        assertThat(TemplateFormat.read(TemplateFormat.write(hourly))).isEqualTo(hourly);

        TemplateContent once = runbook(SectionRole.HYPERCARE, check(StepType.TASK, null));
        assertThat(TemplateFormat.write(once)).doesNotContain("recurrence");
        assertThat(TemplateFormat.read(TemplateFormat.write(once))).isEqualTo(once);
    }

    @Test
    void aMalformedRecurrenceIsRefusedWithItsPlace() {
        String json = TemplateFormat.write(runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.of(9, 0), 14))));
        assertThatThrownBy(() -> TemplateFormat.read(json.replace("\"09:00\"", "\"9 o'clock\""))).isInstanceOf(TemplateFormatException.class)
                .hasMessage("sections[0].items[0].recurrence.dailyAt: “9 o'clock” is not a time of day. Use 24-hour HH:mm, e.g. 09:00.");
        assertThatThrownBy(() -> TemplateFormat.read(json.replace("\"dailyAt\":\"09:00\",", ""))).isInstanceOf(TemplateFormatException.class)
                .hasMessageContaining("sections[0].items[0].recurrence: give either everyHours");
        assertThatThrownBy(() -> TemplateFormat.read(json.replace("\"days\":14", "\"weeks\":2"))).isInstanceOf(TemplateFormatException.class)
                .hasMessageContaining("recurrence.weeks: unknown field");
    }

    @Test
    void aChangedRecurrenceShowsInTheVersionComparison() {
        TemplateContent v1 = runbook(SectionRole.HYPERCARE, check(StepType.TASK, null));
        TemplateContent v2 = runbook(SectionRole.HYPERCARE, check(StepType.TASK, new StepRecurrence.DailyAt(LocalTime.of(9, 0), 14)));
        VersionComparison comparison = VersionComparison.between(v1, v2);
        assertThat(comparison.entries()).singleElement().satisfies(e -> assertThat(e.fields())
                .containsExactly(new FieldChange("Recurs", "", "Daily at 09:00 for 14 days")));
        assertThat(VersionComparison.between(v2, v2).isEmpty()).isTrue();
    }
}
