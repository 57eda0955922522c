package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** How often a communication-plan entry recurs. */
@NamedInterface("api")
public enum Cadence {
    ONCE("Once"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    BIWEEKLY("Fortnightly"),
    MONTHLY("Monthly"),
    QUARTERLY("Quarterly"),
    AT_MILESTONE("At each milestone");

    private final String label;

    Cadence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
