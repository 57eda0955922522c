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
    void overlongTextsAreReportedWithTheirPlaceLengthAndLimit() {
        CutoverStep longTitle = new CutoverStep(UUID.randomUUID(), "T".repeat(201), null, StepType.TASK, 0, 0, "o".repeat(61), List.of(),
                "r".repeat(2001), null, false);
        assertThat(runbook(step(UUID.randomUUID(), "Freeze"), longTitle).problems()).containsExactly(
                "Section 1, item 2 (“" + "T".repeat(40) + "…”): the title has 201 characters; at most 200 are allowed.",
                "Section 1, item 2 (“" + "T".repeat(40) + "…”): the owner role has 61 characters; at most 60 are allowed.",
                "Section 1, item 2 (“" + "T".repeat(40) + "…”): the rollback trigger has 2,001 characters; at most 2,000 are allowed.");
    }

    @Test
    void aStepWaitsForAtMostAHundredPredecessors() {
        List<CutoverStep> before = java.util.stream.IntStream.range(0, 101).mapToObj(i -> step(UUID.randomUUID(), "Step " + i)).toList();
        CutoverStep last = step(UUID.randomUUID(), "Go live", before.stream().map(CutoverStep::key).toArray(UUID[]::new));
        List<TemplateItem> items = new java.util.ArrayList<>(before);
        items.add(last);
        assertThat(runbook(items.toArray(TemplateItem[]::new)).problems()).containsExactly(
                "Section 1, item 102 (“Go live”): the step has 101 predecessors; at most 100 are allowed. Keep the ones it really waits for.");
    }

    @Test
    void communicationLabelsOffsetsAndTheRetrospectiveFormatHaveLimitsToo() {
        var entry = new app.cadence.template.domain.CommunicationEntry(UUID.randomUUID(), "Status report", "a".repeat(201), "p".repeat(2000),
                null, "c".repeat(201), app.cadence.template.domain.Cadence.WEEKLY, null, app.cadence.template.domain.PlanAnchor.PLAN_START, 5_000);
        TemplateContent plan = new TemplateContent(TemplateKind.COMMUNICATION_PLAN,
                List.of(new TemplateSection(UUID.randomUUID(), "Steering", null, List.of(entry))), null);
        assertThat(plan.problems()).containsExactly(
                "Section 1, item 1 (“Status report”): the audience has 201 characters; at most 200 are allowed.",
                "Section 1, item 1 (“Status report”): the channel has 201 characters; at most 200 are allowed.",
                "Section 1, item 1 (“Status report”): the offset is 5,000 days; it must be between -3,660 and 3,660 days.");

        TemplateContent retro = new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(),
                new app.cadence.template.domain.RetroSettings("F".repeat(121), 3, true));
        assertThat(retro.problems()).containsExactly("The retrospective format has 121 characters; at most 120 are allowed.");
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
