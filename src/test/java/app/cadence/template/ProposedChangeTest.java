package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.domain.ProposedChange;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateProposal;
import app.cadence.template.domain.TemplateSection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A proposal applied to a draft: add after, change, remove, note; and deciding it. */
class ProposedChangeTest {

    final UUID extract = UUID.randomUUID();
    final UUID load = UUID.randomUUID();
    final UUID signOff = UUID.randomUUID();
    final TemplateContent runbook = new TemplateContent(TemplateKind.CUTOVER, List.of(
            new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, List.of(
                    new CutoverStep(extract, "Extract", "Extract the data", StepType.TASK, -360, 120, "Data lead", List.of(), null, null, false),
                    new CutoverStep(load, "Load", "Load it", StepType.TASK, -240, 180, "Data lead", List.of(extract), null, null, false),
                    new CutoverStep(signOff, "Sign-off", null, StepType.MILESTONE, -60, 60, "Sponsor", List.of(load), null, null, true)))),
            null);

    private static List<String> titles(TemplateContent content) {
        return content.items().map(TemplateItem::title).toList();
    }

    @Test
    void addAfterInsertsANewStepRightAfterTheGivenOneWaitingForIt() {
        TemplateContent changed = new ProposedChange(ProposalKind.ADD_AFTER, extract, "Reconcile record counts", "Compare counts with the source")
                .applyTo(runbook);

        assertThat(titles(changed)).containsExactly("Extract", "Reconcile record counts", "Load", "Sign-off");
        CutoverStep added = (CutoverStep) changed.sections().getFirst().items().get(1);
        assertThat(added.key()).isNotIn(extract, load, signOff);
        assertThat(added.description()).isEqualTo("Compare counts with the source");
        assertThat(added.predecessors()).containsExactly(extract);
        assertThat(added.offsetMinutes()).isEqualTo(-360 + 120);
        assertThat(changed.problems()).isEmpty();
        assertThat(titles(runbook)).as("the content it was applied to is unchanged").containsExactly("Extract", "Load", "Sign-off");
    }

    @Test
    void changeReplacesTitleAndDetailsAndKeepsTheRest() {
        TemplateContent changed = new ProposedChange(ProposalKind.CHANGE, load, "Load with production volumes", "Rehearse at full volume")
                .applyTo(runbook);

        CutoverStep step = (CutoverStep) changed.itemsByKey().get(load);
        assertThat(step.title()).isEqualTo("Load with production volumes");
        assertThat(step.description()).isEqualTo("Rehearse at full volume");
        assertThat(step.predecessors()).containsExactly(extract);
        assertThat(step.durationMinutes()).isEqualTo(180);
        assertThat(titles(changed)).containsExactly("Extract", "Load with production volumes", "Sign-off");

        CutoverStep titleOnly = (CutoverStep) new ProposedChange(ProposalKind.CHANGE, load, "Load v2", null).applyTo(runbook).itemsByKey().get(load);
        assertThat(titleOnly.description()).as("no details proposed: the step keeps its own").isEqualTo("Load it");
    }

    @Test
    void removeTakesTheStepOutAndItsFollowersNoLongerWaitForIt() {
        TemplateContent changed = new ProposedChange(ProposalKind.REMOVE, load, null, "Merged into extract").applyTo(runbook);

        assertThat(titles(changed)).containsExactly("Extract", "Sign-off");
        assertThat(((CutoverStep) changed.itemsByKey().get(signOff)).predecessors()).isEmpty();
    }

    @Test
    void aNoteLeavesTheContentAsItIs() {
        assertThat(new ProposedChange(ProposalKind.NOTE, null, null, "Consider a second rehearsal").applyTo(runbook)).isEqualTo(runbook);
    }

    @Test
    void aStepNoLongerInTheDraftIsRefusedWithASentence() {
        assertThatThrownBy(() -> new ProposedChange(ProposalKind.REMOVE, UUID.randomUUID(), null, null).applyTo(runbook))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("no longer in the draft");
    }

    @Test
    void incompleteProposalsNameTheMissingField() {
        assertThat(new ProposedChange(ProposalKind.ADD_AFTER, extract, " ", null).problem()).get()
                .extracting(RuleViolationException::field).isEqualTo("title");
        assertThat(new ProposedChange(ProposalKind.CHANGE, null, "x", null).problem()).get()
                .extracting(RuleViolationException::field).isEqualTo("item");
        assertThat(new ProposedChange(ProposalKind.NOTE, null, null, "  ").problem()).get()
                .extracting(RuleViolationException::field).isEqualTo("details");
        assertThat(new ProposedChange(ProposalKind.NOTE, null, null, "Fine").problem()).isEmpty();
    }

    @Test
    void addAfterInARetrospectiveAddsAColumnWithItsPrompt() {
        UUID start = UUID.randomUUID();
        TemplateContent retro = new TemplateContent(TemplateKind.RETROSPECTIVE, List.of(new TemplateSection(UUID.randomUUID(), "Board", null,
                List.of(new RetroPrompt(start, "Start", "What should we start?", false)))), null);
        TemplateContent changed = new ProposedChange(ProposalKind.ADD_AFTER, start, "Risks", "What could hurt us?").applyTo(retro);
        assertThat(titles(changed)).containsExactly("Start", "Risks");
        assertThat(((RetroPrompt) changed.sections().getFirst().items().get(1)).prompt()).isEqualTo("What could hurt us?");
    }

    @Test
    void declineNeedsAReasonAndADecidedProposalIsNotDecidedAgain() {
        TemplateProposal proposal = new TemplateProposal(1L, new ProposedChange(ProposalKind.REMOVE, load, null, null), "Load", 7L, "Lesson",
                "/lessons/7", 3L, "Diego", Instant.EPOCH);

        assertThatThrownBy(() -> proposal.decline("  ", "Priya", Instant.EPOCH)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Say why").extracting(e -> ((RuleViolationException) e).field()).isEqualTo("reason");
        assertThat(proposal.getState()).isEqualTo(ProposalState.PENDING);

        proposal.decline("The load step is still needed for the delta.", "Priya", Instant.EPOCH);
        assertThat(proposal.getState()).isEqualTo(ProposalState.DECLINED);
        assertThat(proposal.getDeclineReason()).isEqualTo("The load step is still needed for the delta.");
        assertThatThrownBy(() -> proposal.accept(9L, "Amelia", Instant.EPOCH)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already declined by Priya");
    }
}
