package app.cadence.cutover.service;

import java.time.Instant;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a run's runbook, in order: one list for the spreadsheet and the print view, so
 * the two never drift apart. Each column gives a step's value as the spreadsheet stores it (text,
 * a moment, whole minutes) and as the print view writes it.
 */
public enum RunbookColumn {
    NUMBER("#", Kind.NUMBER, (r, s) -> s.position() + 1),
    SECTION("Section", Kind.TEXT, (r, s) -> s.sectionTitle()),
    STEP("Step", Kind.TEXT, (r, s) -> s.title()),
    OWNER_ROLE("Owner role", Kind.TEXT, (r, s) -> s.ownerRole()),
    OWNERS("Owners", Kind.TEXT, (r, s) -> s.owners().isEmpty() ? null : String.join(", ", s.owners())),
    STATE("State", Kind.TEXT, (r, s) -> s.state().label() + (s.critical() ? " · critical" : "")),
    PLANNED_T("Planned (from T0)", Kind.TEXT, (r, s) -> r.plannedStart(s) + " → " + r.plannedFinish(s)),
    PLANNED_START("Planned start", Kind.MOMENT, (r, s) -> s.plannedStart()),
    PLANNED_FINISH("Planned finish", Kind.MOMENT, (r, s) -> s.plannedFinish()),
    FORECAST_START("Forecast start", Kind.MOMENT, (r, s) -> s.forecastStart()),
    FORECAST_FINISH("Forecast finish", Kind.MOMENT, (r, s) -> s.forecastFinish()),
    ACTUAL_START("Actual start", Kind.MOMENT, (r, s) -> s.actualStart()),
    ACTUAL_FINISH("Actual finish", Kind.MOMENT, (r, s) -> s.actualFinish()),
    VARIANCE("Variance (min)", Kind.NUMBER, (r, s) -> s.variance() == null ? null : RunTimeText.minutes(s.variance())),
    STARTED_BY("Started by", Kind.TEXT, (r, s) -> s.startedBy()),
    FINISHED_BY("Finished by", Kind.TEXT, (r, s) -> s.finishedBy()),
    EVIDENCE("Evidence", Kind.TEXT, (r, s) -> s.evidence()),
    REASON("Reason", Kind.TEXT, (r, s) -> s.reason());

    /** How a column's values are stored in the spreadsheet. */
    public enum Kind {
        TEXT,
        /** A date and time in the run's zone: a real date-time cell. */
        MOMENT,
        /** A whole number: the step's position, a variance in minutes (positive is late). */
        NUMBER
    }

    private final String header;
    private final Kind kind;
    private final BiFunction<RunRecord, RunScreen.StepRow, @Nullable Object> value;

    RunbookColumn(String header, Kind kind, BiFunction<RunRecord, RunScreen.StepRow, @Nullable Object> value) {
        this.header = header;
        this.kind = kind;
        this.value = value;
    }

    public String header() {
        return header;
    }

    public Kind kind() {
        return kind;
    }

    /** The value as stored: a String, an Instant or a Number; null when there is none. */
    public @Nullable Object value(RunRecord run, RunScreen.StepRow step) {
        return value.apply(run, step);
    }

    /** The value as the print view writes it: a moment in the run's zone, a variance as {@code +0:10 late}. */
    public String text(RunRecord run, RunScreen.StepRow step) {
        if (this == VARIANCE) {
            return RunTimeText.variance(step.variance());
        }
        Object v = value(run, step);
        if (v == null) {
            return RunTimeText.NONE;
        }
        return v instanceof Instant at ? run.times().wall(at) : v.toString();
    }
}
