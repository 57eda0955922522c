package app.cadence.project.domain;

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

    /** Still to be worked: what My work lists and what can become overdue. */
    public boolean isOutstanding() {
        return this == OPEN || this == IN_PROGRESS || this == BLOCKED;
    }
}
