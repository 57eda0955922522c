package app.cadence.comms.domain;

import java.time.LocalDate;

/** What an occurrence that falls on a day off does: stays, or moves to the working day before or after. */
public enum NonWorkingDayRule {
    KEEP("Keep the date"),
    PREVIOUS_WORKING_DAY("Move to the working day before"),
    NEXT_WORKING_DAY("Move to the working day after");

    private final String label;

    NonWorkingDayRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    LocalDate apply(LocalDate day, WorkingCalendar calendar) {
        return switch (this) {
            case KEEP -> day;
            case PREVIOUS_WORKING_DAY -> calendar.atOrBefore(day);
            case NEXT_WORKING_DAY -> calendar.atOrAfter(day);
        };
    }
}
