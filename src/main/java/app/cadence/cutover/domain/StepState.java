package app.cadence.cutover.domain;

/**
 * Where a step of a run stands. Waiting and Ready are both "not started" and follow from the
 * predecessors; they are kept on the step all the same, so that "what is ready, and whose is it"
 * is a plain query for My work and the Now board.
 */
public enum StepState {
    /** Not started; a predecessor has not finished (or, for a rollback step, rollback is not invoked). */
    WAITING("Waiting"),
    /** Not started; every predecessor is finished. */
    READY("Ready"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    /** Not done, on purpose (a reason says why): counts as finished for the steps after it. */
    SKIPPED("Skipped"),
    /**
     * Tried and did not work. It holds the steps after it: they wait until it is retried (back to
     * in progress or ready), skipped, overridden, or rollback is invoked. A failure is not a way
     * forward; treating it as finished would let the next steps run on a broken result.
     */
    FAILED("Failed"),
    /** A forward step not finished when rollback was invoked: it will not run. */
    ABANDONED("Abandoned");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Not started yet. */
    public boolean isOpen() {
        return this == WAITING || this == READY;
    }

    /** Lets the steps after it start: done or skipped. */
    public boolean letsSuccessorsStart() {
        return this == DONE || this == SKIPPED;
    }
}
