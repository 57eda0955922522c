package app.cadence.work.domain;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.template.domain.TemplateKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time-dependent counts one item adds, and how a change carries them to the row's checkpoint. */
class DueCountsTest {

    static final Instant AT = Instant.parse("2026-12-05T14:00:00Z");

    @Test
    void anOutstandingItemIsDueFromItsDueTimeAndOverdueAfterIt() {
        assertThat(DueCounts.of(ItemStatus.OPEN, AT.plusSeconds(1), AT)).isEqualTo(DueCounts.NONE);
        assertThat(DueCounts.of(ItemStatus.IN_PROGRESS, AT, AT)).isEqualTo(new DueCounts(0, 1, 0));
        assertThat(DueCounts.of(ItemStatus.BLOCKED, AT.minusSeconds(1), AT)).isEqualTo(new DueCounts(1, 1, 0));
    }

    @Test
    void aDoneItemCountsOnlyWhileItsDueTimeIsAhead() {
        assertThat(DueCounts.of(ItemStatus.DONE, AT.plusSeconds(1), AT)).isEqualTo(new DueCounts(0, 0, 1));
        assertThat(DueCounts.of(ItemStatus.DONE, AT, AT)).isEqualTo(DueCounts.NONE);
    }

    @Test
    void undatedAndNotApplicableItemsCountForNothing() {
        assertThat(DueCounts.of(ItemStatus.OPEN, null, AT)).isEqualTo(DueCounts.NONE);
        assertThat(DueCounts.of(ItemStatus.NOT_APPLICABLE, AT.minusSeconds(60), AT)).isEqualTo(DueCounts.NONE);
        assertThat(RollupCounts.of(ItemStatus.NOT_APPLICABLE, AT, false, TemplateKind.CUTOVER).dated()).isEmpty();
    }

    @Test
    void aChangeCarriesItsDueDatesAndIsWorkedOutAgainstTheRowsCheckpoint() {
        Instant due = AT.minus(Duration.ofHours(2));
        RollupCounts open = RollupCounts.of(ItemStatus.OPEN, due, false, TemplateKind.CUTOVER);
        RollupCounts done = RollupCounts.of(ItemStatus.DONE, due, false, TemplateKind.CUTOVER);
        RollupCounts markedDone = done.minus(open);

        assertThat(markedDone.dueAsOf(AT)).as("checkpoint after the due time: one overdue item less")
                .isEqualTo(new DueCounts(-1, -1, 0));
        assertThat(markedDone.dueAsOf(due.minusSeconds(3600))).as("checkpoint before it: one done item due later more")
                .isEqualTo(new DueCounts(0, 0, 1));
    }

    @Test
    void anItemWhoseStatusAndDueDateStayLeavesNoDatedPart() {
        RollupCounts before = RollupCounts.of(ItemStatus.OPEN, AT, true, TemplateKind.RETROSPECTIVE);
        RollupCounts after = RollupCounts.of(ItemStatus.OPEN, AT, true, TemplateKind.RETROSPECTIVE);
        assertThat(after.minus(before).dated()).isEmpty();
        assertThat(after.minus(before).isZero()).isTrue();
        RollupCounts rescheduled = RollupCounts.of(ItemStatus.OPEN, AT.plusSeconds(60), true, TemplateKind.RETROSPECTIVE).minus(before);
        assertThat(rescheduled.dated()).hasSize(2);
        assertThat(rescheduled.undated().isZero()).isTrue();
    }
}
