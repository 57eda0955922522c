package app.cadence.comms.service;

import app.cadence.comms.domain.DistributionListMember;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A list with the people on it, by name; {@code version} guards a rename or a delete. */
@NamedInterface("api")
public record DistributionListDetails(Long id, String name, @Nullable String description, long version, List<Entry> entries) {

    /**
     * One person on the list. {@code detail} says who they are to the reader: a member's role, a
     * stakeholder's project and organisation. {@code active} is false for a member who has left the
     * organisation (kept on the list, sent nothing).
     */
    @NamedInterface("api")
    public record Entry(DistributionListMember.Kind kind, Long refId, String name, @Nullable String email, String detail, boolean active) {
    }
}
