package app.cadence.comms.domain;

import java.util.Locale;
import java.util.Optional;

/** How a stakeholder prefers to hear about the project. */
@org.springframework.modulith.NamedInterface("api")
public enum StakeholderChannel {
    EMAIL("Email"),
    MEETING("Meeting"),
    CHAT("Chat (Teams, Slack)"),
    PHONE("Phone"),
    REPORT("Status report");

    private final String label;

    StakeholderChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A channel as people type it in a CSV cell: its name or label in any case ("email", "Status report", "chat"). */
    public static Optional<StakeholderChannel> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (StakeholderChannel channel : values()) {
            if (channel.name().equals(t) || channel.label.toUpperCase(Locale.ROOT).equals(t)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
