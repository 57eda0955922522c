package app.cadence.cutover.domain;

import java.util.List;

/**
 * The outcome of a change to a run: the new value and the log entries that record the change.
 * Returned together so that no change can be made without its record.
 */
public record Logged<T>(T value, List<RunLogEntry> entries) {

    public Logged {
        entries = List.copyOf(entries);
    }

    static <T> Logged<T> of(T value, RunLogEntry entry) {
        return new Logged<>(value, List.of(entry));
    }
}
