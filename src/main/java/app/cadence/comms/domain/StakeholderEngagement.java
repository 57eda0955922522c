package app.cadence.comms.domain;

/**
 * How closely to engage a stakeholder, from the influence/interest grid (Mendelow): only HIGH
 * counts as high, so that the "manage closely" quadrant stays the short list it is meant to be.
 */
@org.springframework.modulith.NamedInterface("api")
public enum StakeholderEngagement {
    MANAGE_CLOSELY("Manage closely"),
    KEEP_SATISFIED("Keep satisfied"),
    KEEP_INFORMED("Keep informed"),
    MONITOR("Monitor");

    private final String label;

    StakeholderEngagement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static StakeholderEngagement of(StakeholderLevel influence, StakeholderLevel interest) {
        boolean powerful = influence == StakeholderLevel.HIGH;
        boolean concerned = interest == StakeholderLevel.HIGH;
        if (powerful) {
            return concerned ? MANAGE_CLOSELY : KEEP_SATISFIED;
        }
        return concerned ? KEEP_INFORMED : MONITOR;
    }
}
