package app.cadence.cutover.domain;

/** A dress rehearsal of the cutover, or the go-live itself. */
public enum RunKind {
    REHEARSAL,
    LIVE
}
