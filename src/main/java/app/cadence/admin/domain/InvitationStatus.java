package app.cadence.admin.domain;

public enum InvitationStatus {
    PENDING("Waiting"),
    ACCEPTED("Accepted"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    InvitationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
