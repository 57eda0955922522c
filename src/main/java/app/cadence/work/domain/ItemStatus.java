package app.cadence.work.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Where an instance item stands. Not-applicable items count neither for nor against progress. */
@NamedInterface("api")
public enum ItemStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    BLOCKED("Blocked"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts towards progress ("n of m done"): everything but not applicable. */
    public boolean countsTowardsProgress() {
        return this != NOT_APPLICABLE;
    }

    /**
     * Whether moving an item to this status needs evidence it does not have: an item that requires
     * evidence can be marked done only with a link to it (it may stay done without one if it
     * already was).
     */
    public boolean lacksEvidence(ItemStatus from, boolean evidenceRequired, @Nullable String evidenceUrl) {
        return this == DONE && from != DONE && evidenceRequired && (evidenceUrl == null || evidenceUrl.isBlank());
    }

    /** Still to be worked: what My work lists and what can become overdue. */
    public boolean isOutstanding() {
        return this == OPEN || this == IN_PROGRESS || this == BLOCKED;
    }
}
