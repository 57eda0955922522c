package app.cadence.retro.domain;

/** The phases of a session, in the order the facilitator moves through them; there is no going back. */
public enum RetroPhase {
    CHECK_IN("Check-in", "Rate how things went and review the actions of earlier retrospectives."),
    REFLECT("Reflect", "Write cards in the columns. Until the facilitator reveals them, you see only your own."),
    GROUP("Group", "Drop cards onto each other to group them, and name the groups."),
    VOTE("Vote", "Put your dots on the topics that matter most. Totals show when voting ends."),
    DISCUSS("Discuss", "Talk the topics through in vote order, with a timer and notes."),
    ACTIONS("Actions", "Agree who does what by when."),
    CLOSED("Closed", "The summary: ratings, top themes and actions.");

    private final String label;
    private final String hint;

    RetroPhase(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    public RetroPhase next() {
        if (this == CLOSED) {
            throw new RetroRuleException("The retrospective is closed.");
        }
        return values()[ordinal() + 1];
    }

    public boolean isBefore(RetroPhase other) {
        return ordinal() < other.ordinal();
    }
}
