package app.cadence.comms.domain;

import java.util.Locale;
import java.util.Optional;

/** How much a stakeholder can sway the project (influence), or how much it affects them (interest). */
@org.springframework.modulith.NamedInterface("api")
public enum StakeholderLevel {
    // The order is the stored rank: append nothing before HIGH.
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    StakeholderLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A level as people type it in a CSV cell: its name or label in any case, or L/M/H. */
    public static Optional<StakeholderLevel> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (StakeholderLevel level : values()) {
            if (level.name().equals(t) || level.name().substring(0, 1).equals(t)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
