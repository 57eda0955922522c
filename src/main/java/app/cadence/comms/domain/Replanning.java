package app.cadence.comms.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing an entry's cadence re-plans its future, never its past: occurrences due before now,
 * and any already drafted, sent or skipped, stay as they are; the planned ones still to come are
 * replaced by the new plan's occurrences still to come.
 */
public final class Replanning {

    private Replanning() {
    }

    public enum Status { PLANNED, DRAFTED, SENT, SKIPPED }

    /** An occurrence as stored (its id): when it is due and where it stands. */
    public record Existing(long id, Instant dueAt, Status status) {
        boolean kept(Instant now) {
            return status != Status.PLANNED || dueAt.isBefore(now);
        }
    }

    /** @param kept the existing occurrences that stay; @param added the new plan's occurrences to create */
    public record Result(List<Existing> kept, List<Existing> removed, List<OccurrencePlanner.PlannedOccurrence> added) {
    }

    public static Result replan(List<Existing> existing, List<OccurrencePlanner.PlannedOccurrence> newPlan, Instant now) {
        List<Existing> kept = new ArrayList<>();
        List<Existing> removed = new ArrayList<>();
        for (Existing occurrence : existing) {
            (occurrence.kept(now) ? kept : removed).add(occurrence);
        }
        List<Instant> taken = kept.stream().map(Existing::dueAt).toList();
        List<OccurrencePlanner.PlannedOccurrence> added = newPlan.stream()
                .filter(p -> !p.dueAt().isBefore(now) && !taken.contains(p.dueAt())).toList();
        return new Result(List.copyOf(kept), List.copyOf(removed), added);
    }
}
