package app.cadence.comms.service;

import org.springframework.modulith.NamedInterface;

/** Something an audience picker offers: a distribution list or a stakeholder of the project. */
@NamedInterface("api")
public record AudienceOption(Kind kind, Long id, String label) {

    @NamedInterface("api")
    public enum Kind {
        LIST,
        STAKEHOLDER
    }
}
