package app.cadence.home.service;

/** What a home row is. */
public enum HomeRowKind {
    ITEM("Item"),
    RUN_STEP("Cutover step"),
    COMMUNICATION("Communication"),
    ACTION("Retro action"),
    NOTIFICATION("Notification"),
    GO_LIVE("Go-live"),
    RUN("Cutover run");

    private final String label;

    HomeRowKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
