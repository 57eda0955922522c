package app.cadence.comms.service;

/** Placeholder until the stakeholder register lands. */
public record AudienceOption(Kind kind, Long id, String label) {
    public enum Kind { LIST, STAKEHOLDER }
}
