package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** What an occurrence of a communication that falls on a day off does: stays, or moves to the working day before or after. */
@NamedInterface("api")
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
}
