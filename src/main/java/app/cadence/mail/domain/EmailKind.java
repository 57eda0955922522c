package app.cadence.mail.domain;

import org.springframework.modulith.NamedInterface;

/** Why an email is sent; tells the ADMIN what a held message is for. */
@NamedInterface("api")
public enum EmailKind {
    INVITATION("Invitation"),
    PASSWORD_RESET("Password reset"),
    SIGN_UP("Sign-up confirmation"),
    /** A notice of the notification service (a step is ready, a vote awaits): no secret in it. */
    NOTIFICATION("Notification"),
    /** A project's communication to its audience (a status update, a go-live notice), one copy per recipient. */
    COMMUNICATION("Project communication"),
    OTHER("Other");

    private final String label;

    EmailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
