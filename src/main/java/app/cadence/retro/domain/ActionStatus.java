package app.cadence.retro.domain;

/** Where an action item stands: open until done or dropped (with a reason). */
public enum ActionStatus {
    OPEN("Open"), DONE("Done"), DROPPED("Dropped");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
