package app.cadence.cutover.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * One run of a cutover runbook — a numbered dress rehearsal or the go-live — through its life:
 * scheduled → running ⇄ paused → ended (completed, rolled back or abandoned). An ended run is
 * read-only. Immutable: each change returns the new run with its log entry.
 * <p>
 * A run begins before T0 when its runbook does ({@code leadTime}: the ERP runbook starts at
 * T−7d). Starting it fixes the actual T0 as the start plus that lead, so a run started 20 minutes
 * late has T0 20 minutes late and expects every step 20 minutes later ({@link RunForecast}).
 *
 * @param rehearsalNumber 1, 2 … for a rehearsal; null for the live run
 * @param leadTime        how long before T0 the run begins ({@link Runbook#leadTime()})
 */
public record CutoverRun(RunKind kind, @Nullable Integer rehearsalNumber, Instant plannedT0, Duration leadTime, RunState state,
                         @Nullable Instant startedAt, @Nullable Instant actualT0, @Nullable String pauseReason,
                         @Nullable RunOutcome outcome, @Nullable String endNote, @Nullable Instant endedAt) {

    public CutoverRun {
        if ((kind == RunKind.REHEARSAL) != (rehearsalNumber != null) || rehearsalNumber != null && rehearsalNumber < 1) {
            throw new IllegalArgumentException("Rehearsals are numbered from 1; the live run has no number");
        }
        if (leadTime.isNegative()) {
            throw new IllegalArgumentException("A run's lead time before T0 cannot be negative");
        }
        boolean started = startedAt != null && actualT0 != null;
        if (state == RunState.SCHEDULED ? startedAt != null || actualT0 != null
                : (state == RunState.RUNNING || state == RunState.PAUSED) && !started) {
            throw new IllegalArgumentException("A run has a start and an actual T0 exactly when it has started");
        }
        if ((state == RunState.ENDED) != (outcome != null && endedAt != null)) {
            throw new IllegalArgumentException("A run has an outcome and an end exactly when it has ended");
        }
        if ((state == RunState.PAUSED) != (pauseReason != null)) {
            throw new IllegalArgumentException("A paused run, and only a paused one, has a reason for the pause");
        }
    }

    public static CutoverRun rehearsal(int number, Instant plannedT0, Duration leadTime) {
        return new CutoverRun(RunKind.REHEARSAL, number, plannedT0, leadTime, RunState.SCHEDULED, null, null, null, null, null, null);
    }

    public static CutoverRun live(Instant plannedT0, Duration leadTime) {
        return new CutoverRun(RunKind.LIVE, null, plannedT0, leadTime, RunState.SCHEDULED, null, null, null, null, null, null);
    }

    /** "Rehearsal 2", "Go-live". */
    public String name() {
        return kind == RunKind.LIVE ? "Go-live" : "Rehearsal " + rehearsalNumber;
    }

    /** When the run is planned to begin: T0 less the lead time. */
    public Instant plannedStart() {
        return plannedT0.minus(leadTime);
    }

    public RunT0 t0(ZoneId zone) {
        return new RunT0(plannedT0, actualT0, zone);
    }

    public boolean isReadOnly() {
        return state == RunState.ENDED;
    }

    public Logged<CutoverRun> reschedule(Instant newPlannedT0, Actor by, Instant at) {
        if (state != RunState.SCHEDULED) {
            throw new CutoverRuleException(name() + " has started; its planned T0 stays as the baseline it is measured against.");
        }
        CutoverRun next = new CutoverRun(kind, rehearsalNumber, newPlannedT0, leadTime, state, null, null, null, null, null, null);
        return Logged.of(next, RunLogEntry.ofRun(at, by, "Planned T0 moved", null));
    }

    public Logged<CutoverRun> start(Actor by, Instant at) {
        if (state != RunState.SCHEDULED) {
            throw new CutoverRuleException(name() + " is " + state.label().toLowerCase() + "; it can be started only once.");
        }
        CutoverRun next = new CutoverRun(kind, rehearsalNumber, plannedT0, leadTime, RunState.RUNNING, at, at.plus(leadTime), null, null, null, null);
        return Logged.of(next, RunLogEntry.ofRun(at, by, name() + " started", null));
    }

    public Logged<CutoverRun> pause(Actor by, Instant at, @Nullable String reason) {
        if (state != RunState.RUNNING) {
            throw new CutoverRuleException(name() + " is " + state.label().toLowerCase() + "; only a running run can be paused.");
        }
        String why = Reasons.required(reason, "Say why the run is paused: everyone on it will read it.");
        CutoverRun next = new CutoverRun(kind, rehearsalNumber, plannedT0, leadTime, RunState.PAUSED, startedAt, actualT0, why, null, null, null);
        return Logged.of(next, RunLogEntry.ofRun(at, by, name() + " paused", why));
    }

    public Logged<CutoverRun> resume(Actor by, Instant at) {
        if (state != RunState.PAUSED) {
            throw new CutoverRuleException(name() + " is " + state.label().toLowerCase() + "; only a paused run can be resumed.");
        }
        CutoverRun next = new CutoverRun(kind, rehearsalNumber, plannedT0, leadTime, RunState.RUNNING, startedAt, actualT0, null, null, null, null);
        return Logged.of(next, RunLogEntry.ofRun(at, by, name() + " resumed", null));
    }

    /**
     * Ends the run. A scheduled run can only be abandoned (it never ran); a rolled-back or
     * abandoned run needs a note saying why, for the report; a completed one may have one.
     */
    public Logged<CutoverRun> end(Actor by, Instant at, RunOutcome how, @Nullable String note) {
        if (state == RunState.ENDED) {
            throw new CutoverRuleException(name() + " has already ended; a finished run is read-only.");
        }
        if (state == RunState.SCHEDULED && how != RunOutcome.ABANDONED) {
            throw new CutoverRuleException(name() + " has not started; it can only be abandoned.");
        }
        String text = how == RunOutcome.COMPLETED ? Reasons.optional(note)
                : Reasons.required(note, "Add a note saying why " + name() + " is " + how.label().toLowerCase() + ".");
        CutoverRun next = new CutoverRun(kind, rehearsalNumber, plannedT0, leadTime, RunState.ENDED, startedAt, actualT0, null, how, text, at);
        return Logged.of(next, RunLogEntry.ofRun(at, by, name() + " ended: " + how.label().toLowerCase(), text));
    }

    /** Steps may be started only while the run is running. */
    public void checkStepsCanStart() {
        switch (state) {
            case SCHEDULED -> throw new CutoverRuleException(name() + " has not started; start the run before its steps.");
            case PAUSED -> throw new CutoverRuleException(name() + " is paused (" + pauseReason + "); resume it to start steps.");
            case ENDED -> throw new CutoverRuleException(name() + " has ended; a finished run is read-only.");
            case RUNNING -> {
            }
        }
    }

    /**
     * The conditions set at its go/no-go checkpoints are followed up until the run ends; then the
     * record stays as it was when the run was signed off.
     */
    public void checkConditionsCanChange() {
        if (isReadOnly()) {
            throw new CutoverRuleException(name() + " has ended; a finished run is read-only, so its conditions stay as they were at the end.");
        }
    }

    /**
     * Steps may be finished, skipped, failed or taken back while the run is running or paused:
     * work under way when the pause came still ends, and the record must say when.
     */
    public void checkStepsCanBeRecorded() {
        switch (state) {
            case SCHEDULED -> throw new CutoverRuleException(name() + " has not started; start the run before its steps.");
            case ENDED -> throw new CutoverRuleException(name() + " has ended; a finished run is read-only.");
            case RUNNING, PAUSED -> {
            }
        }
    }
}
