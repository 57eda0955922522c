package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateContentTest {

    static CutoverStep step(UUID key, String title, UUID... predecessors) {
        return new CutoverStep(key, title, null, StepType.TASK, -60, 30, "DBA", List.of(predecessors), null, null, false);
    }

    static TemplateContent runbook(TemplateItem... items) {
        return new TemplateContent(TemplateKind.CUTOVER,
                List.of(new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, List.of(items))), null);
    }

    @Test
    void aSoundRunbookHasNoProblems() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TemplateContent content = runbook(step(a, "Freeze"), step(b, "Migrate", a));
        assertThat(content.problems()).isEmpty();
        assertThat(content.predecessorCycle()).isEmpty();
    }

    @Test
    void aPredecessorCycleIsNamedStepByStep() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        TemplateContent content = runbook(step(a, "Backup", c), step(b, "Migrate", a), step(c, "Validate", b));

        assertThat(content.predecessorCycle()).contains(List.of("Backup", "Validate", "Migrate", "Backup"));
        assertThat(content.problems()).containsExactly("Predecessors form a cycle: Backup → Validate → Migrate → Backup.");
    }

    @Test
    void overlongTextsAreReported() {
        CutoverStep longTitle = new CutoverStep(UUID.randomUUID(), "T".repeat(201), null, StepType.TASK, 0, 0, null, List.of(),
                "r".repeat(2001), null, false);
        assertThat(runbook(longTitle).problems()).containsExactly(
                "Item “" + "T".repeat(40) + "…”: title is longer than 200 characters.",
                "Item “" + "T".repeat(40) + "…”: rollback trigger is longer than 2000 characters.");
    }

    @Test
    void aStepCannotPrecedeItself() {
        UUID a = UUID.randomUUID();
        assertThat(runbook(step(a, "Loop", a)).problems()).containsExactly("Predecessors form a cycle: Loop → Loop.");
    }

    @Test
    void duplicateKeysUnknownPredecessorsAndForeignItemsAreReported() {
        UUID a = UUID.randomUUID();
        TemplateContent content = runbook(step(a, "One"), step(a, "Two", UUID.randomUUID()),
                new RetroPrompt(UUID.randomUUID(), "Start", "What should we start?", false));

        assertThat(content.problems()).containsExactly(
                "Item “Two” in section “Execution” repeats the key " + a + ".",
                "Item “Start” does not belong in a Cutover runbook.",
                "Step “Two” names a predecessor that is not a step of this runbook.");
    }
}
