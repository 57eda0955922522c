package app.cadence.comms.service;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One person a communication goes to, after lists are expanded and duplicates (same email,
 * case-insensitive) removed. {@code refId} is the user account of a MEMBER, the stakeholder's id
 * of a STAKEHOLDER; a stakeholder may have no email (a meeting, a call).
 */
@NamedInterface("api")
public record Recipient(String name, @Nullable String email, Kind kind, Long refId) {

    @NamedInterface("api")
    public enum Kind {
        MEMBER,
        STAKEHOLDER
    }
}
