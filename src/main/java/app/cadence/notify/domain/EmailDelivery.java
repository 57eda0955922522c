package app.cadence.notify.domain;

import org.springframework.modulith.NamedInterface;

/**
 * How a person hears of a kind of notice by email. The in-app notice (the bell) is stored whatever
 * they choose: this decides only the email.
 */
@NamedInterface("api")
public enum EmailDelivery {
    IMMEDIATELY("Email immediately"),
    DAILY_DIGEST("Daily digest at 08:00"),
    OFF("No email");

    private final String label;

    EmailDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
