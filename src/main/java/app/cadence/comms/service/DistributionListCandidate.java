package app.cadence.comms.service;

import app.cadence.comms.domain.DistributionListMember;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Someone who may be put on a list: a member of the organisation or a stakeholder of one of its projects. */
@NamedInterface("api")
public record DistributionListCandidate(DistributionListMember.Kind kind, Long refId, String name, @Nullable String email, String detail) {

    /** How the list editor's search shows them, e.g. "Jane Roe · jane@acme.example · stakeholder, CRM-03". */
    public String label() {
        return name + (email == null ? "" : " · " + email) + " · " + detail;
    }
}
