package app.cadence.template;

import static app.cadence.template.TemplateContentTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The designer's content edits, as rules of the template's content rather than of the screen. */
class DesignerEditsTest {

    private final UUID freeze = UUID.randomUUID();
    private final UUID migrate = UUID.randomUUID();
    private final UUID verify = UUID.randomUUID();
    private final UUID restore = UUID.randomUUID();
    private final UUID execution = UUID.randomUUID();
    private final UUID rollback = UUID.randomUUID();

    private TemplateContent runbook() {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(execution, "Execution", SectionRole.EXECUTION,
                        List.of(step(freeze, "Freeze"), step(migrate, "Migrate", freeze), step(verify, "Verify", migrate, freeze))),
                new TemplateSection(rollback, "Rollback", SectionRole.ROLLBACK, List.of(step(restore, "Restore", migrate)))), null);
    }

    @Test
    void removingAStepFreesTheStepsThatWaitedForItInEverySection() {
        TemplateContent edited = runbook().withoutItem(migrate);

        assertThat(edited.itemsByKey()).containsOnlyKeys(freeze, verify, restore);
        assertThat(((CutoverStep) edited.itemsByKey().get(verify)).predecessors()).containsExactly(freeze);
        assertThat(((CutoverStep) edited.itemsByKey().get(restore)).predecessors()).isEmpty();
        assertThat(edited.problems()).isEmpty();
    }

    @Test
    void removingASectionRemovesItsItemsAndFreesTheirSuccessorsElsewhere() {
        TemplateContent edited = runbook().withoutSection(execution);

        assertThat(edited.sections()).extracting(TemplateSection::key).containsExactly(rollback);
        assertThat(((CutoverStep) edited.itemsByKey().get(restore)).predecessors()).isEmpty();
        assertThat(edited.problems()).isEmpty();
    }

    @Test
    void anEditedItemKeepsItsPlaceAndANewOneGoesLast() {
        TemplateContent content = runbook();
        UUID added = UUID.randomUUID();

        TemplateContent edited = content.withItem(execution, step(migrate, "Migrate the data", freeze)).withItem(execution, step(added, "Announce"));

        assertThat(edited.sections().getFirst().items()).extracting(TemplateItem::title)
                .containsExactly("Freeze", "Migrate the data", "Verify", "Announce");
        assertThat(content.sections().getFirst().items()).extracting(TemplateItem::title)
                .as("the content edited is left as it was").containsExactly("Freeze", "Migrate", "Verify");
    }

    @Test
    void anItemPutIntoAnotherSectionMovesThere() {
        TemplateContent edited = runbook().withItem(rollback, step(verify, "Verify", migrate, freeze));

        assertThat(edited.sections().get(0).items()).extracting(TemplateItem::key).containsExactly(freeze, migrate);
        assertThat(edited.sections().get(1).items()).extracting(TemplateItem::key).containsExactly(restore, verify);
    }

    @Test
    void aPredecessorThatWouldCloseACycleIsRefusedWithTheStepsNamed() {
        TemplateContent content = runbook();

        assertThat(content.cycleIfPut(execution, step(freeze, "Freeze", verify)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("These predecessors would form a cycle:")
                        .contains("Freeze", "Verify").endsWith("Remove one of them."));
        assertThat(content.cycleIfPut(execution, step(UUID.randomUUID(), "Announce", verify))).isEmpty();
    }

    @Test
    void anItemCannotGoIntoASectionTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> runbook().withItem(UUID.randomUUID(), step(UUID.randomUUID(), "Lost")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
