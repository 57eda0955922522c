package app.cadence.cutover;

import static app.cadence.cutover.Plans.key;
import static app.cadence.cutover.Plans.rollbackStep;
import static app.cadence.cutover.Plans.runbook;
import static app.cadence.cutover.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.cutover.domain.Runbook;
import app.cadence.cutover.domain.RunbookStep;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunbookTest {

    @Test
    void aTemplateVersionBecomesARunbookWithItsRollbackSectionsAsTheRollbackBranch() {
        CutoverStep backup = new CutoverStep(UUID.randomUUID(), "Backup", null, StepType.TASK, -120, 60, "DBA", List.of(), null, null, true);
        CutoverStep restore = new CutoverStep(UUID.randomUUID(), "Restore", null, StepType.TASK, 30, 240, "DBA", List.of(backup.key()),
                "Reconciliation fails", "Restore from the backup", false);
        TemplateContent content = new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, List.of(backup)),
                new TemplateSection(UUID.randomUUID(), "Rollback", SectionRole.ROLLBACK, List.of(restore))), null);

        Runbook runbook = Runbook.of(content);

        assertThat(runbook.steps()).extracting(RunbookStep::title).containsExactly("Backup", "Restore");
        assertThat(runbook.step(backup.key()).rollback()).isFalse();
        assertThat(runbook.step(backup.key()).evidenceRequired()).isTrue();
        assertThat(runbook.step(restore.key()).rollback()).isTrue();
        assertThat(runbook.step(restore.key()).predecessors()).containsExactly(backup.key());
    }

    @Test
    void onlyACutoverTemplateIsARunbook() {
        assertThatThrownBy(() -> Runbook.of(new TemplateContent(TemplateKind.COMMUNICATION_PLAN, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLeadTimeIsHowLongBeforeT0TheEarliestForwardStepStarts() {
        assertThat(runbook(step("prep", -7 * 1440, 60), step("go", 0, 10), rollbackStep("rb", -10 * 1440, 10)).leadTime())
                .isEqualTo(Duration.ofDays(7));
        assertThat(runbook(step("go", 30, 10)).leadTime()).isZero();
        assertThat(runbook().leadTime()).isZero();
    }

    @Test
    void aCycleIsRefused() {
        RunbookStep a = new RunbookStep(key("a"), "a", StepType.TASK, 0, 10, List.of(key("c")), false, false);
        assertThatThrownBy(() -> runbook(a, step("b", 0, 10, "a"), step("c", 0, 10, "b")))
                .hasMessageContaining("cycle");
    }

    @Test
    void aPredecessorOutsideTheRunbookAndADuplicateKeyAreRefused() {
        assertThatThrownBy(() -> runbook(step("a", 0, 10, "ghost"))).hasMessageContaining("“a” follows a step that is not in the runbook");
        assertThatThrownBy(() -> runbook(step("a", 0, 10), step("a", 5, 10))).hasMessageContaining("Two steps have the key");
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThatThrownBy(() -> step("a", 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
