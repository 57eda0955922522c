package app.cadence.cutover.domain;

/** Where a run is in its life: scheduled → running ⇄ paused → ended. */
public enum RunState {
    SCHEDULED("Scheduled"),
    RUNNING("Running"),
    PAUSED("Paused"),
    ENDED("Ended");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
