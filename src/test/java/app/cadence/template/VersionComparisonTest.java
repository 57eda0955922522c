package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.domain.VersionComparison;
import app.cadence.template.domain.VersionComparison.Change;
import app.cadence.template.domain.VersionComparison.Entry;
import app.cadence.template.domain.VersionComparison.FieldChange;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VersionComparisonTest {

    static final UUID PREP = UUID.randomUUID();
    static final UUID EXEC = UUID.randomUUID();

    static CutoverStep step(UUID key, String title, int offset, UUID... predecessors) {
        return new CutoverStep(key, title, null, StepType.TASK, offset, 60, "DBA", List.of(predecessors), null, null, false);
    }

    static TemplateContent runbook(List<TemplateItem> preparation, List<TemplateItem> execution) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(PREP, "Preparation", SectionRole.PREPARATION, preparation),
                new TemplateSection(EXEC, "Execution", SectionRole.EXECUTION, execution)), null);
    }

    @Test
    void reorderingWithinASectionIsAMove() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        TemplateContent v1 = runbook(List.of(step(a, "A", -60), step(b, "B", -30)), List.of());
        TemplateContent v2 = runbook(List.of(step(b, "B", -30), step(a, "A", -60)), List.of());
        assertThat(VersionComparison.between(v1, v2).entries()).extracting(Entry::change, Entry::title).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Change.MOVED, "A"), org.assertj.core.groups.Tuple.tuple(Change.MOVED, "B"));
    }

    @Test
    void identicalVersionsHaveNoDifferences() {
        UUID a = UUID.randomUUID();
        TemplateContent v = runbook(List.of(step(a, "Backup", -120)), List.of());
        assertThat(VersionComparison.between(v, v).isEmpty()).isTrue();
    }

    @Test
    void addedRemovedChangedAndMovedItemsAreFoundByKey() {
        UUID backup = UUID.randomUUID();
        UUID freeze = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        UUID notify = UUID.randomUUID();
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)),
                List.of(step(migrate, "Migrate", 0, backup)));
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze changes", -300)),
                List.of(step(backup, "Backup", -120), step(migrate, "Migrate", 30, backup), step(notify, "Notify users", 60)));

        List<Entry> entries = VersionComparison.between(v1, v2).entries();

        assertThat(entries).extracting(Entry::change, Entry::title).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Change.CHANGED, "Freeze changes"),
                org.assertj.core.groups.Tuple.tuple(Change.MOVED, "Backup"),
                org.assertj.core.groups.Tuple.tuple(Change.CHANGED, "Migrate"),
                org.assertj.core.groups.Tuple.tuple(Change.ADDED, "Notify users"));
        Entry renamed = entries.stream().filter(e -> e.title().equals("Freeze changes")).findFirst().orElseThrow();
        assertThat(renamed.fields()).containsExactly(new FieldChange("Title", "Freeze", "Freeze changes"));
        Entry shifted = entries.stream().filter(e -> e.change() == Change.CHANGED && e.title().equals("Migrate")).findFirst().orElseThrow();
        assertThat(shifted.fields()).containsExactly(new FieldChange("Planned start", "T0", "T+30m"));
        Entry moved = entries.stream().filter(e -> e.change() == Change.MOVED && e.title().equals("Backup")).findFirst().orElseThrow();
        assertThat(moved.fields()).containsExactly(new FieldChange("Place", "Preparation, position 2", "Execution, position 1"));

        // Migrate only shifted down because Backup arrived before it: not a move.
        List<Entry> back = VersionComparison.between(v2, v1).entries();
        assertThat(back).filteredOn(e -> e.change() == Change.REMOVED).extracting(Entry::title).containsExactly("Notify users");
    }

    @Test
    void reorderingAStepsPredecessorsIsNoChange() {
        UUID backup = UUID.randomUUID();
        UUID freeze = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)),
                List.of(step(migrate, "Migrate", 0, freeze, backup)));
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)),
                List.of(step(migrate, "Migrate", 0, backup, freeze)));

        assertThat(VersionComparison.between(v1, v2).isEmpty()).isTrue();
    }

    @Test
    void aPredecessorAddedIsStillAChangeShownByTitle() {
        UUID backup = UUID.randomUUID();
        UUID freeze = UUID.randomUUID();
        UUID migrate = UUID.randomUUID();
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)),
                List.of(step(migrate, "Migrate", 0, backup)));
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)),
                List.of(step(migrate, "Migrate", 0, backup, freeze)));

        assertThat(VersionComparison.between(v1, v2).entries()).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(Change.CHANGED);
            assertThat(e.fields()).containsExactly(new FieldChange("Predecessors", "Backup", "Backup; Freeze"));
        });
    }
}
