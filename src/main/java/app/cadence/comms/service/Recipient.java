package app.cadence.comms.service;

import org.jspecify.annotations.Nullable;

/** One person a communication goes to. (Placeholder until the stakeholder register lands.) */
public record Recipient(String name, @Nullable String email, Kind kind, Long refId) {
    public enum Kind { MEMBER, STAKEHOLDER }
}
