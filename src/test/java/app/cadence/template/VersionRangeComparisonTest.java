package app.cadence.template;

import static app.cadence.template.VersionComparisonTest.runbook;
import static app.cadence.template.VersionComparisonTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.VersionComparison.Change;
import app.cadence.template.domain.VersionComparison.Entry;
import app.cadence.template.domain.VersionComparison.FieldChange;
import app.cadence.template.domain.VersionRangeComparison;
import app.cadence.template.domain.VersionRangeComparison.Version;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Comparing across several versions: the cumulative change, and which version made each part of it. */
class VersionRangeComparisonTest {

    final UUID freeze = UUID.randomUUID();
    final UUID backup = UUID.randomUUID();
    final UUID migrate = UUID.randomUUID();
    final UUID notify = UUID.randomUUID();

    /** v1; v2 renames Freeze and lengthens Backup; v3 adds Notify and gives Freeze back its name; v4 removes Migrate. */
    List<Version> history() {
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300), step(backup, "Backup", -120)), List.of(step(migrate, "Migrate", 0, backup)));
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze all changes", -300), longer(step(backup, "Backup", -120))),
                List.of(step(migrate, "Migrate", 0, backup)));
        TemplateContent v3 = runbook(List.of(step(freeze, "Freeze", -300), longer(step(backup, "Backup", -120))),
                List.of(step(migrate, "Migrate", 0, backup), step(notify, "Notify users", 60)));
        TemplateContent v4 = runbook(List.of(step(freeze, "Freeze", -300), longer(step(backup, "Backup", -120))),
                List.of(step(notify, "Notify users", 60)));
        return List.of(new Version("Version 1", "First", v1), new Version("Version 2", "Longer backup", v2),
                new Version("Version 3", "Users told", v3), new Version("Version 4", "No migration", v4));
    }

    static CutoverStep longer(CutoverStep s) {
        return new CutoverStep(s.key(), s.title(), s.description(), StepType.TASK, s.offsetMinutes(), 90, s.ownerRole(), s.predecessors(),
                null, null, false);
    }

    @Test
    void theCumulativeChangeIsTheFirstAgainstTheLastWithTheVersionThatMadeEachChange() {
        VersionRangeComparison range = VersionRangeComparison.across(history());

        assertThat(range.steps()).extracting(VersionRangeComparison.Step::label, VersionRangeComparison.Step::changeNote)
                .containsExactly(tuple("Version 2", "Longer backup"), tuple("Version 3", "Users told"), tuple("Version 4", "No migration"));
        List<Entry> net = range.net().entries();
        assertThat(net).as("a rename undone in the next version is no change; the rest adds up")
                .extracting(Entry::change, Entry::title)
                .containsExactlyInAnyOrder(tuple(Change.CHANGED, "Backup"), tuple(Change.ADDED, "Notify users"), tuple(Change.REMOVED, "Migrate"));
        Entry backupChanged = net.stream().filter(e -> e.title().equals("Backup")).findFirst().orElseThrow();
        assertThat(backupChanged.fields()).containsExactly(new FieldChange("Duration", "1h", "1h 30m"));
        assertThat(range.madeIn(backupChanged)).containsExactly("Version 2");
        assertThat(range.madeIn(net.stream().filter(e -> e.change() == Change.ADDED).findFirst().orElseThrow())).containsExactly("Version 3");
        assertThat(range.madeIn(net.stream().filter(e -> e.change() == Change.REMOVED).findFirst().orElseThrow())).containsExactly("Version 4");
    }

    @Test
    void aChangeMadeInSeveralVersionsNamesThemAll() {
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300)), List.of());
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze changes", -300)), List.of());
        TemplateContent v3 = runbook(List.of(step(freeze, "Freeze changes", -240)), List.of());
        VersionRangeComparison range = VersionRangeComparison.across(List.of(new Version("Version 1", null, v1),
                new Version("Version 2", null, v2), new Version("Version 3", null, v3)));

        Entry changed = range.net().entries().getFirst();
        assertThat(changed.fields()).extracting(FieldChange::field).containsExactly("Title", "Planned start");
        assertThat(range.madeIn(changed)).containsExactly("Version 2", "Version 3");
    }

    @Test
    void versionsThatChangeThingsBackAddUpToNothing() {
        TemplateContent v1 = runbook(List.of(step(freeze, "Freeze", -300)), List.of());
        TemplateContent v2 = runbook(List.of(step(freeze, "Freeze changes", -300)), List.of());
        VersionRangeComparison range = VersionRangeComparison.across(List.of(new Version("Version 1", null, v1),
                new Version("Version 2", null, v2), new Version("Version 3", null, v1)));

        assertThat(range.isEmpty()).isTrue();
        assertThat(range.steps()).allSatisfy(s -> assertThat(s.comparison().isEmpty()).isFalse());
    }

    @Test
    void consecutiveVersionsAreOneStep() {
        List<Version> two = history().subList(0, 2);
        VersionRangeComparison range = VersionRangeComparison.across(two);
        assertThat(range.steps()).hasSize(1);
        assertThat(range.net()).isEqualTo(range.steps().getFirst().comparison());
        assertThatThrownBy(() -> VersionRangeComparison.across(history().subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
