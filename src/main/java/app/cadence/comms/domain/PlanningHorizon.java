package app.cadence.comms.domain;

import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far ahead a series' occurrences are written. A year of a portfolio's plans is hundreds of
 * thousands of rows, and writing them all when the plans were applied took 13 s for 1,000 projects;
 * yet nobody acts on an occurrence months away. So the weeks people act on are stored — reminders
 * look a day ahead, My work two weeks, the project's agenda opens on six — and a daily round
 * ({@code CommsHorizonRound}) writes each series' next days. Beyond that, a screen shows the same
 * planner's dates computed on the fly: the year is planned, only its near part is stored.
 *
 * <p>The cut is by recurrence day (the day the cadence gave, before any move off a day off),
 * always over the series' whole plan: the planner has already folded two days moved onto the same
 * working day into one occurrence, so no window can write a day twice.
 */
public final class PlanningHorizon {

    /** Eight weeks: the agenda's first six weeks from this week's Monday are always stored. */
    public static final Period AHEAD = Period.ofWeeks(8);

    /** The mark of a series whose whole plan is written (0039 gives it to series planned before the horizon). */
    public static final LocalDate ALL_WRITTEN = LocalDate.of(9999, 12, 31);

    private PlanningHorizon() {
    }

    /** The last recurrence day to have written as of {@code today}. */
    public static LocalDate until(LocalDate today) {
        return today.plus(AHEAD);
    }

    /** The plan's occurrences after {@code writtenUntil} (all, when nothing is written) up to and including {@code until}. */
    public static List<PlannedOccurrence> toWrite(List<PlannedOccurrence> plan, @Nullable LocalDate writtenUntil, LocalDate until) {
        return plan.stream().filter(p -> after(p, writtenUntil) && !p.scheduledFor().isAfter(until)).toList();
    }

    /** The plan's occurrences up to and including {@code writtenUntil}: what is (or should be) stored. */
    public static List<PlannedOccurrence> written(List<PlannedOccurrence> plan, @Nullable LocalDate writtenUntil) {
        return writtenUntil == null ? List.of() : plan.stream().filter(p -> !p.scheduledFor().isAfter(writtenUntil)).toList();
    }

    /** The plan's occurrences not written yet: computed when a screen shows them. */
    public static List<PlannedOccurrence> beyond(List<PlannedOccurrence> plan, @Nullable LocalDate writtenUntil) {
        return plan.stream().filter(p -> after(p, writtenUntil)).toList();
    }

    /**
     * A series' mark once written up to {@code until}: never less than it had, and
     * {@link #ALL_WRITTEN} once nothing of its plan is left to write.
     */
    public static LocalDate mark(List<PlannedOccurrence> plan, @Nullable LocalDate writtenUntil, LocalDate until) {
        LocalDate reached = writtenUntil != null && writtenUntil.isAfter(until) ? writtenUntil : until;
        return beyond(plan, reached).isEmpty() ? ALL_WRITTEN : reached;
    }

    private static boolean after(PlannedOccurrence p, @Nullable LocalDate writtenUntil) {
        return writtenUntil == null || p.scheduledFor().isAfter(writtenUntil);
    }
}
