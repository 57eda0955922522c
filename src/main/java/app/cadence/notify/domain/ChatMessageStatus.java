package app.cadence.notify.domain;

import org.springframework.modulith.NamedInterface;

@NamedInterface("api")
public enum ChatMessageStatus {
    PENDING("Waiting to be posted"),
    RETRYING("Failed, will retry"),
    SENT("Posted"),
    GAVE_UP("Gave up");

    private final String label;

    ChatMessageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == PENDING || this == RETRYING;
    }
}
