package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** What a change proposal asks of a template (issue C8: lessons become template changes). */
@NamedInterface("api")
public enum ProposalKind {
    /** A new step (item) right after a given one, with its title and details. */
    ADD_AFTER("Add a step after"),
    /** A step's title and details replaced by the proposed text. */
    CHANGE("Change a step"),
    /** A step removed; steps that waited for it no longer do. */
    REMOVE("Remove a step"),
    /** A free note to the template's owners: accepting it acknowledges it, the draft is unchanged. */
    NOTE("Note");

    private final String label;

    ProposalKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the proposal names an existing step of the template. */
    public boolean needsItem() {
        return this != NOTE;
    }

    /** Whether the proposal carries a title of its own (the new or changed step's). */
    public boolean needsTitle() {
        return this == ADD_AFTER || this == CHANGE;
    }
}
