package app.cadence.cutover.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as its exports show it: the run screen's reading (with the whole log when asked for,
 * oldest line first) and each step's planned offset from T0 as the runbook states it, which the
 * exports print in T-notation ({@code T−2d 4h}) rather than recompute from times (a day across a
 * daylight-saving change is 23 or 25 hours, and is still "1d").
 */
public record RunRecord(RunScreen screen, Map<UUID, Integer> offsetMinutes) {

    public RunRecord {
        offsetMinutes = Map.copyOf(offsetMinutes);
    }

    public RunScreen.Header header() {
        return screen.header();
    }

    public List<RunScreen.StepRow> steps() {
        return screen.steps();
    }

    /** How the exports write this run's times. */
    public RunTimeText times() {
        return new RunTimeText(screen.header());
    }

    /** The step's planned start as the runbook states it: {@code T−3h}. */
    public String plannedStart(RunScreen.StepRow step) {
        return RunTimeText.offset(offsetMinutes.getOrDefault(step.key(), 0));
    }

    /** The step's planned finish: its offset plus its duration, {@code T−2h}. */
    public String plannedFinish(RunScreen.StepRow step) {
        return RunTimeText.offset(offsetMinutes.getOrDefault(step.key(), 0) + step.durationMinutes());
    }
}
