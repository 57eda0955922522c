package app.cadence.template.domain;

public enum VersionState {
    /** The one editable version of a template. */
    DRAFT,
    /** Immutable and numbered 1, 2, 3 …; only these can be applied to projects. */
    PUBLISHED
}
