package app.cadence.cutover.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step's state in one run, with its actual times and who did it.
 *
 * @param evidence a link or note shown as proof the step was done
 * @param reason   why it was skipped or failed
 */
public record StepProgress(UUID key, StepState state, @Nullable Instant startedAt, @Nullable Actor startedBy,
                           @Nullable Instant finishedAt, @Nullable Actor finishedBy, @Nullable String evidence,
                           @Nullable String reason) {

    public StepProgress {
        boolean started = state == StepState.IN_PROGRESS || state == StepState.DONE || state == StepState.FAILED;
        if (started && (startedAt == null || startedBy == null)) {
            throw new IllegalArgumentException(state + " needs an actual start and who started: " + key);
        }
        boolean finished = state == StepState.DONE || state == StepState.SKIPPED || state == StepState.FAILED;
        if (finished && (finishedAt == null || finishedBy == null)) {
            throw new IllegalArgumentException(state + " needs an actual finish and who finished: " + key);
        }
        if (!finished && (finishedAt != null || finishedBy != null)) {
            throw new IllegalArgumentException(state + " has no actual finish: " + key);
        }
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("A step cannot finish before it starts: " + key);
        }
    }

    static StepProgress notStarted(UUID key, StepState openState) {
        return new StepProgress(key, openState, null, null, null, null, null, null);
    }

    StepProgress withOpenState(StepState openState) {
        return new StepProgress(key, openState, null, null, null, null, null, null);
    }

    StepProgress started(Actor by, Instant at) {
        return new StepProgress(key, StepState.IN_PROGRESS, at, by, null, null, null, null);
    }

    StepProgress finished(StepState as, Actor by, Instant at, @Nullable String evidence, @Nullable String reason) {
        return new StepProgress(key, as, startedAt, startedBy, at, by, evidence, reason);
    }

    StepProgress abandoned() {
        return new StepProgress(key, StepState.ABANDONED, startedAt, startedBy, null, null, null, null);
    }
}
