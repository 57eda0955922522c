package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** Where a change proposal stands: waiting for ADMIN/PMO, taken into the draft, or declined with a reason. */
@NamedInterface("api")
public enum ProposalState {
    PENDING("Pending"),
    ACCEPTED("Accepted"),
    DECLINED("Declined");

    private final String label;

    ProposalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
