package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.ScheduleWarning;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.domain.RetroSettings;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduleCheckTest {

    @Test
    void aSoundRunbookHasNoWarnings() {
        CutoverStep freeze = step("Freeze changes", "-2h", "30m");
        CutoverStep migrate = step("Start data migration", "-1h 30m", "1h", freeze); // starts the minute freeze ends
        CutoverStep golive = step("Go-live", "0m", "0m", migrate, freeze);
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, freeze, migrate, golive));

        assertThat(content.scheduleWarnings()).isEmpty();
    }

    @Test
    void aStepStartingBeforeItsPredecessorFinishesNamesBothStepsAndTimes() {
        CutoverStep freeze = step("Freeze changes", "-2h", "30m");
        CutoverStep migrate = step("Start data migration", "-2h", "1h", freeze);
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, freeze, migrate));

        assertThat(content.scheduleWarnings()).containsExactly(new ScheduleWarning(migrate.key(), freeze.key(),
                "“Start data migration” is planned to start at T−2h, before its predecessor “Freeze changes” finishes at T−1h 30m."));
    }

    @Test
    void severalWarningsComeInRunbookOrderWhateverTheOrderOfPredecessors() {
        CutoverStep backup = step("Back up", "-1d", "4h");
        CutoverStep freeze = step("Freeze changes", "-1d", "2h");
        CutoverStep extract = step("Extract", "-22h", "6h", freeze, backup); // backup ends at T−20h
        CutoverStep load = step("Load", "-17h", "8h", extract); // extract ends at T−16h
        CutoverStep smoke = step("Smoke tests", "+1h", "1h");
        CutoverStep golive = step("Go-live", "0m", "0m", smoke, load); // load ends at T−9h: fine; smoke at T+2h: not
        TemplateContent content = runbook(
                section("Preparation", SectionRole.PREPARATION, backup, freeze),
                section("Execution", SectionRole.EXECUTION, golive, extract, load),
                section("Validation", SectionRole.VALIDATION, smoke));

        assertThat(content.scheduleWarnings()).extracting(ScheduleWarning::message).containsExactly(
                "“Go-live” is planned to start at T0, before its predecessor “Smoke tests” finishes at T+2h.",
                "“Extract” is planned to start at T−22h, before its predecessor “Back up” finishes at T−20h.",
                "“Load” is planned to start at T−17h, before its predecessor “Extract” finishes at T−16h.");
    }

    @Test
    void rollbackStepsAreCheckedOnlyAgainstRollbackPredecessors() {
        CutoverStep backup = step("Back up the legacy database", "-1d", "4h");
        CutoverStep migrate = step("Migrate", "-20h", "10h", backup);
        CutoverStep decide = step("Decide the rollback", "0m", "30m");
        // Waits for the backup, planned long before; its offset says nothing about when the branch runs.
        CutoverStep restore = step("Restore the legacy database", "+30m", "4h", decide, backup, migrate);
        CutoverStep restart = step("Restart interfaces", "+4h", "1h", restore); // restore ends at T+4h 30m
        TemplateContent content = runbook(
                section("Execution", SectionRole.EXECUTION, backup, migrate),
                section("Rollback", SectionRole.ROLLBACK, decide, restore, restart));

        assertThat(content.scheduleWarnings()).extracting(ScheduleWarning::stepKey, ScheduleWarning::predecessorKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(restart.key(), restore.key()));
    }

    @Test
    void aForwardStepWaitingForARollbackStepIsNotCompared() {
        CutoverStep restore = step("Restore", "+2h", "4h");
        CutoverStep tell = step("Tell users", "+1h", "30m", restore);
        TemplateContent content = runbook(
                section("Rollback", SectionRole.ROLLBACK, restore),
                section("Hypercare", SectionRole.HYPERCARE, tell));

        assertThat(content.scheduleWarnings()).isEmpty();
    }

    @Test
    void sectionsWithoutAPhaseAreForwardSteps() {
        CutoverStep first = step("First", "0m", "1h");
        CutoverStep second = step("Second", "+30m", "1h", first);
        TemplateContent content = runbook(section("Unsorted", null, first, second));

        assertThat(content.scheduleWarnings()).extracting(ScheduleWarning::stepKey).containsExactly(second.key());
    }

    @Test
    void unknownPredecessorsAndOtherKindsGiveNoWarnings() {
        CutoverStep orphan = step("Orphan", "-1h", "1h");
        CutoverStep waits = new CutoverStep(UUID.randomUUID(), "Waits", null, StepType.TASK, -120, 30, null,
                List.of(UUID.randomUUID(), orphan.key()), null, null, false);
        assertThat(runbook(section("Execution", SectionRole.EXECUTION, waits)).scheduleWarnings()).isEmpty();

        TemplateContent retro = new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(new TemplateSection(UUID.randomUUID(), "Board", null,
                List.of(new RetroPrompt(UUID.randomUUID(), "Start", null, false)))), new RetroSettings("Start / Stop / Continue", 3, true));
        assertThat(retro.scheduleWarnings()).isEmpty();
    }

    @Test
    void contentWithWarningsIsStillSound() {
        CutoverStep freeze = step("Freeze changes", "-2h", "30m");
        CutoverStep migrate = step("Start data migration", "-2h", "1h", freeze);
        TemplateContent content = runbook(section("Execution", SectionRole.EXECUTION, freeze, migrate));

        assertThat(content.scheduleWarnings()).hasSize(1);
        assertThat(content.problems()).isEmpty();
    }

    static CutoverStep step(String title, String offset, String duration, CutoverStep... predecessors) {
        return new CutoverStep(UUID.randomUUID(), title, null, StepType.TASK, RelativeTime.parseOffset(offset), RelativeTime.parseDuration(duration),
                null, Arrays.stream(predecessors).map(CutoverStep::key).toList(), null, null, false);
    }

    static TemplateSection section(String title, SectionRole role, TemplateItem... items) {
        return new TemplateSection(UUID.randomUUID(), title, role, List.of(items));
    }

    static TemplateContent runbook(TemplateSection... sections) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(sections), null);
    }
}
