package app.cadence.shared.domain;

import java.time.Instant;

/** Someone saved the record after the caller loaded it; the caller's changes were not applied. */
public class ConcurrentChangeException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;

    public ConcurrentChangeException(String what, String changedBy, Instant changedAt) {
        super(what + " was changed by " + changedBy + " while you were editing it.");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
