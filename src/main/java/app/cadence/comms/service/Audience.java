package app.cadence.comms.service;

import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** One audience: the lists and stakeholders chosen for a communication. */
@NamedInterface("api")
public record Audience(Set<Long> listIds, Set<Long> stakeholderIds) {

    public Audience {
        listIds = listIds == null ? Set.of() : Set.copyOf(listIds);
        stakeholderIds = stakeholderIds == null ? Set.of() : Set.copyOf(stakeholderIds);
    }

    public static Audience none() {
        return new Audience(Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return listIds.isEmpty() && stakeholderIds.isEmpty();
    }
}
