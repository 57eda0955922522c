package app.cadence.comms.service;

import java.util.Set;

/** One audience: the lists and stakeholders chosen for a communication. (Placeholder until the stakeholder register lands.) */
public record Audience(Set<Long> listIds, Set<Long> stakeholderIds) {

    public Audience {
        listIds = Set.copyOf(listIds);
        stakeholderIds = Set.copyOf(stakeholderIds);
    }

    public static Audience none() {
        return new Audience(Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return listIds.isEmpty() && stakeholderIds.isEmpty();
    }
}
