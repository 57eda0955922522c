package app.cadence.mail.domain;

/**
 * Where a message is on its way out. Without SMTP a message stays {@link #PENDING}: it is kept,
 * never dropped, and goes out once a mail server is configured.
 */
public enum DeliveryStatus {
    PENDING("Waiting to be sent"),
    SENT("Sent"),
    FAILED_RETRYING("Failed, will retry"),
    GAVE_UP("Gave up"),
    /** Its link stopped working before it went out: it is never sent, and its text is gone. */
    EXPIRED("Expired unsent");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses the dispatcher still works on. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED_RETRYING;
    }
}
