package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.InstancePlan;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.PlannedCopy;
import app.cadence.work.domain.PlannedItem;
import app.cadence.work.domain.UpgradeMerge;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The upgrade merge: what a newer template version adds, removes, changes and moves, and what the team keeps. */
class UpgradeMergeTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Anchors T0 = Anchors.at(LocalDateTime.of(2026, 6, 8, 20, 0));
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    static final UUID PREP = UUID.randomUUID();
    static final UUID GO = UUID.randomUUID();

    static CutoverStep step(UUID key, String title, String offset, String duration, String role, UUID... after) {
        return new CutoverStep(key, title, null, StepType.TASK, RelativeTime.parseOffset(offset), RelativeTime.parseDuration(duration),
                role, List.of(after), null, null, false);
    }

    static TemplateContent runbook(TemplateSection... sections) {
        return new TemplateContent(TemplateKind.CUTOVER, List.of(sections), null);
    }

    static TemplateSection prep(TemplateItem... items) {
        return new TemplateSection(PREP, "Preparation", SectionRole.PREPARATION, List.of(items));
    }

    static TemplateSection go(TemplateItem... items) {
        return new TemplateSection(GO, "Go-live", SectionRole.EXECUTION, List.of(items));
    }

    final UUID freezeKey = UUID.randomUUID();
    final UUID backupKey = UUID.randomUUID();
    final UUID loadKey = UUID.randomUUID();
    final UUID smokeKey = UUID.randomUUID();
    final CutoverStep freeze = step(freezeKey, "Freeze changes", "-2d", "1h", "Release manager");
    final CutoverStep backup = step(backupKey, "Back up", "-4h", "1h", "DBA", freezeKey);
    final CutoverStep load = step(loadKey, "Load data", "0", "2h", "Data lead", backupKey);
    final CutoverStep smoke = step(smokeKey, "Smoke test", "+2h", "30m", "QA", loadKey);
    final TemplateContent v1 = runbook(prep(freeze, backup), go(load, smoke));

    /** The instance as applying v1 made it: one item per step, due from T0. */
    static List<InstanceItem> applied(TemplateContent content) {
        List<InstanceItem> items = new ArrayList<>();
        for (PlannedItem p : InstancePlan.plan(content, T0, LONDON)) {
            items.add(new InstanceItem(1L, 2L, TemplateKind.CUTOVER, PlannedCopy.of(p), NOW, "Priya"));
        }
        return items;
    }

    static Map<UUID, Instant> planned(TemplateContent content) {
        Map<UUID, Instant> due = new HashMap<>();
        InstancePlan.plan(content, T0, LONDON).forEach(p -> due.put(p.item().key(), p.due()));
        return due;
    }

    static UpgradeMerge merge(List<InstanceItem> items, TemplateContent from, TemplateContent to) {
        return UpgradeMerge.of(items, planned(from), InstancePlan.plan(to, T0, LONDON), LONDON);
    }

    static InstanceItem item(List<InstanceItem> items, UUID key) {
        return items.stream().filter(i -> i.getKey().equals(key)).findFirst().orElseThrow();
    }

    /** The items after applying: what stays (in their order) plus what is inserted, minus what is deleted. */
    static List<InstanceItem> after(List<InstanceItem> items, UpgradeMerge.Applied applied) {
        List<InstanceItem> result = new ArrayList<>(items);
        result.removeAll(applied.deleted());
        result.addAll(applied.inserted());
        result.sort(Comparator.comparingInt(InstanceItem::getSectionPosition).thenComparingInt(InstanceItem::getPosition));
        return result;
    }

    @Test
    void theSameVersionChangesNothing() {
        List<InstanceItem> items = applied(v1);
        UpgradeMerge merge = merge(items, v1, v1);
        assertThat(merge.changesNothing()).isTrue();
        assertThat(merge.unchanged()).isEqualTo(4);
    }

    @Test
    void anAddedStepIsPlannedFromTheInstancesOwnT0() {
        List<InstanceItem> items = applied(v1);
        CutoverStep dryRun = step(UUID.randomUUID(), "Dry run", "-1d", "2h", "Cutover manager", freezeKey);
        TemplateContent v2 = runbook(prep(freeze, dryRun, backup), go(load, smoke));

        UpgradeMerge merge = merge(items, v1, v2);

        assertThat(merge.added()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Dry run");
            assertThat(a.sectionTitle()).isEqualTo("Preparation");
            assertThat(a.due()).isEqualTo(LocalDateTime.of(2026, 6, 7, 22, 0).atZone(LONDON).toInstant());
        });
        assertThat(merge.removed()).isEmpty();
        assertThat(merge.moved()).as("inserting a step moves nothing else").isEmpty();

        List<InstanceItem> upgraded = after(items, merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya"));
        assertThat(upgraded).extracting(InstanceItem::getTitle).containsExactly("Freeze changes", "Dry run", "Back up", "Load data", "Smoke test");
        assertThat(item(upgraded, dryRun.key()).getStatus()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void anUntouchedRemovedStepGoesAndOneWithProgressStaysMarked() {
        List<InstanceItem> items = applied(v1);
        TemplateContent v2 = runbook(prep(), go(load));
        item(items, freezeKey).changeStatus(ItemStatus.DONE, null, NOW, "Priya");
        item(items, smokeKey).annotate(null, "https://evidence.example/smoke");

        UpgradeMerge merge = merge(items, v1, v2);

        assertThat(merge.removed()).extracting(UpgradeMerge.Removed::title, UpgradeMerge.Removed::kept, UpgradeMerge.Removed::whyKept)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Freeze changes", true, "done"),
                        org.assertj.core.groups.Tuple.tuple("Back up", false, null),
                        org.assertj.core.groups.Tuple.tuple("Smoke test", true, "has evidence"));
        assertThat(merge.keptCount()).isEqualTo(2);

        UpgradeMerge.Applied applied = merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        assertThat(applied.deleted()).extracting(InstanceItem::getTitle).containsExactly("Back up");
        List<InstanceItem> upgraded = after(items, applied);
        assertThat(upgraded).extracting(InstanceItem::getTitle).containsExactly("Freeze changes", "Load data", "Smoke test");
        assertThat(item(upgraded, freezeKey).isOutsideTemplate()).isTrue();
        assertThat(item(upgraded, freezeKey).getStatus()).as("progress is never lost").isEqualTo(ItemStatus.DONE);
        assertThat(item(upgraded, smokeKey).isOutsideTemplate()).isTrue();
        assertThat(item(upgraded, smokeKey).getSectionTitle()).as("kept in its section, after the version's items").isEqualTo("Go-live");
        assertThat(item(upgraded, loadKey).isOutsideTemplate()).isFalse();
    }

    @Test
    void everyKindOfProgressKeepsARemovedItem() {
        List<InstanceItem> items = applied(v1);
        item(items, freezeKey).changeStatus(ItemStatus.IN_PROGRESS, null, NOW, "Priya");
        item(items, backupKey).changeStatus(ItemStatus.BLOCKED, "No backup window", NOW, "Priya");
        item(items, loadKey).annotate("Vendor says 3h", null);
        item(items, smokeKey).changeStatus(ItemStatus.NOT_APPLICABLE, null, NOW, "Priya");
        item(items, smokeKey).assign(7L);

        UpgradeMerge merge = merge(items, v1, runbook(prep(), go()));

        assertThat(merge.removed()).extracting(UpgradeMerge.Removed::whyKept)
                .containsExactly("in progress", "blocked", "has notes", null);
    }

    @Test
    void changedFieldsAreListedOneByOne() {
        List<InstanceItem> items = applied(v1);
        CutoverStep loadV2 = new CutoverStep(loadKey, "Load master data", "Use the delta loader", StepType.MILESTONE, 0,
                RelativeTime.parseDuration("3h"), "Data lead", List.of(backupKey), null, "Restore the backup", true);
        UpgradeMerge merge = merge(items, v1, runbook(prep(freeze, backup), go(loadV2, smoke)));

        assertThat(merge.changed()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Load master data");
            assertThat(c.fields()).extracting(UpgradeMerge.FieldChange::field)
                    .containsExactly("Title", "Details", "Type", "Duration", "Evidence required", "Planned due");
            assertThat(c.fields().get(0).before()).isEqualTo("Load data");
            assertThat(c.fields().get(1).after()).isEqualTo("Use the delta loader\n\nRollback instructions: Restore the backup");
            assertThat(c.fields().get(5)).isEqualTo(new UpgradeMerge.FieldChange("Planned due", "8 Jun 2026 22:00", "8 Jun 2026 23:00"));
            assertThat(c.kept()).isEmpty();
        });
        assertThat(merge.unchanged()).isEqualTo(3);

        merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        InstanceItem loaded = item(items, loadKey);
        assertThat(loaded.getTitle()).isEqualTo("Load master data");
        assertThat(loaded.getStepType()).isEqualTo(StepType.MILESTONE);
        assertThat(loaded.isEvidenceRequired()).isTrue();
        assertThat(loaded.getDueAt()).isEqualTo(LocalDateTime.of(2026, 6, 8, 23, 0).atZone(LONDON).toInstant());
    }

    @Test
    void reorderedPredecessorsAreNotAChange() {
        CutoverStep both = step(smokeKey, "Smoke test", "+2h", "30m", "QA", loadKey, backupKey);
        TemplateContent from = runbook(prep(freeze, backup), go(load, both));
        List<InstanceItem> items = applied(from);
        CutoverStep reordered = step(smokeKey, "Smoke test", "+2h", "30m", "QA", backupKey, loadKey);

        UpgradeMerge merge = merge(items, from, runbook(prep(freeze, backup), go(load, reordered)));

        assertThat(merge.changesNothing()).isTrue();
    }

    @Test
    void aChangedPredecessorIsShownByName() {
        List<InstanceItem> items = applied(v1);
        CutoverStep smokeV2 = step(smokeKey, "Smoke test", "+2h", "30m", "QA", loadKey, freezeKey);
        UpgradeMerge merge = merge(items, v1, runbook(prep(freeze, backup), go(load, smokeV2)));
        assertThat(merge.changed()).singleElement().satisfies(c ->
                assertThat(c.fields()).containsExactly(new UpgradeMerge.FieldChange("Predecessors", "Load data", "Freeze changes, Load data")));
    }

    @Test
    void theTeamsAssigneeDueDateAndNotesStayAndThePreviewSaysSo() {
        List<InstanceItem> items = applied(v1);
        InstanceItem loading = item(items, loadKey);
        loading.assign(42L);
        Instant teamDue = loading.getDueAt().plus(1, ChronoUnit.DAYS);
        loading.reschedule(teamDue);
        loading.annotate("Vendor on call", null);
        loading.changeStatus(ItemStatus.IN_PROGRESS, null, NOW, "Priya");
        CutoverStep loadV2 = new CutoverStep(loadKey, "Load data", "Use the delta loader", StepType.TASK, 30,
                RelativeTime.parseDuration("2h"), "Integration lead", List.of(backupKey), null, null, false);

        UpgradeMerge merge = merge(items, v1, runbook(prep(freeze, backup), go(loadV2, smoke)));

        assertThat(merge.changed()).singleElement().satisfies(c -> {
            assertThat(c.fields()).extracting(UpgradeMerge.FieldChange::field).containsExactly("Details", "Owner role", "Planned due");
            assertThat(c.kept()).extracting(UpgradeMerge.KeptValue::field).containsExactly(ItemField.DUE, ItemField.ASSIGNEE, ItemField.NOTES);
        });
        assertThat(merge.keptValueCount()).isEqualTo(3);

        merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        assertThat(loading.getAssigneeUserId()).isEqualTo(42L);
        assertThat(loading.getDueAt()).as("the team moved it: it stays").isEqualTo(teamDue);
        assertThat(loading.getNotes()).isEqualTo("Vendor on call");
        assertThat(loading.getStatus()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(loading.getOwnerRole()).isEqualTo("Integration lead");
        assertThat(loading.getDetails()).isEqualTo("Use the delta loader");
    }

    @Test
    void aDueDateNobodyMovedFollowsThePlan() {
        List<InstanceItem> items = applied(v1);
        item(items, loadKey).assign(42L);
        CutoverStep later = step(loadKey, "Load data", "+1h", "2h", "Data lead", backupKey);

        UpgradeMerge merge = merge(items, v1, runbook(prep(freeze, backup), go(later, smoke)));

        assertThat(merge.changed()).singleElement().satisfies(c -> assertThat(c.kept()).as("owner role unchanged: nothing to flag").isEmpty());
        merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        assertThat(item(items, loadKey).getDueAt()).isEqualTo(LocalDateTime.of(2026, 6, 8, 23, 0).atZone(LONDON).toInstant());
    }

    @Test
    void aStepMovedToAnotherSectionOrOutOfOrderIsMovedAndOnlyThat() {
        List<InstanceItem> items = applied(v1);
        TemplateContent v2 = runbook(prep(backup, freeze, load), go(smoke));

        UpgradeMerge merge = merge(items, v1, v2);

        assertThat(merge.moved()).hasSize(2);
        assertThat(merge.moved()).filteredOn(m -> !m.sectionChanged()).singleElement().as("two steps swapped: one of them moved")
                .satisfies(m -> assertThat(m.title()).isIn("Freeze changes", "Back up"));
        assertThat(merge.moved()).filteredOn(UpgradeMerge.Moved::sectionChanged).singleElement()
                .satisfies(m -> assertThat(m.fromSection() + " → " + m.toSection()).isEqualTo("Go-live → Preparation"));
        assertThat(merge.changed()).as("a move alone is not a change of the item").isEmpty();

        List<InstanceItem> upgraded = after(items, merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya"));
        assertThat(upgraded).extracting(InstanceItem::getTitle).containsExactly("Back up", "Freeze changes", "Load data", "Smoke test");
        assertThat(item(upgraded, loadKey).getSectionTitle()).isEqualTo("Preparation");
    }

    @Test
    void aKeptItemWhoseSectionIsGoneStaysInItsOldSectionAfterTheNewOnes() {
        List<InstanceItem> items = applied(v1);
        item(items, freezeKey).changeStatus(ItemStatus.DONE, null, NOW, "Priya");
        UpgradeMerge merge = merge(items, v1, runbook(go(load, smoke)));

        List<InstanceItem> upgraded = after(items, merge.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya"));

        assertThat(upgraded).extracting(InstanceItem::getTitle).containsExactly("Load data", "Smoke test", "Freeze changes");
        assertThat(item(upgraded, freezeKey).getSectionTitle()).isEqualTo("Preparation");
    }

    @Test
    void aStepBackInTheTemplateIsNoLongerMarkedAndAKeptOneIsNotReportedTwice() {
        List<InstanceItem> items = applied(v1);
        item(items, freezeKey).changeStatus(ItemStatus.DONE, null, NOW, "Priya");
        TemplateContent v2 = runbook(prep(backup), go(load, smoke));
        merge(items, v1, v2).apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        assertThat(item(items, freezeKey).isOutsideTemplate()).isTrue();

        TemplateContent v3 = runbook(prep(backup), go(load, smoke, step(UUID.randomUUID(), "Sign off", "+3h", "15m", "Sponsor")));
        UpgradeMerge again = UpgradeMerge.of(items, planned(v2), InstancePlan.plan(v3, T0, LONDON), LONDON);
        assertThat(again.removed()).as("already kept outside the template: nothing new").isEmpty();
        assertThat(again.added()).extracting(UpgradeMerge.Added::title).containsExactly("Sign off");

        UpgradeMerge back = UpgradeMerge.of(items, planned(v3), InstancePlan.plan(v1, T0, LONDON), LONDON);
        back.apply(items, 1L, 2L, TemplateKind.CUTOVER, NOW, "Priya");
        assertThat(item(items, freezeKey).isOutsideTemplate()).isFalse();
        assertThat(item(items, freezeKey).getStatus()).isEqualTo(ItemStatus.DONE);
    }
}
