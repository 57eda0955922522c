package app.cadence.project.domain;

import org.jspecify.annotations.Nullable;

/** A program with the number of projects it groups. */
public record ProgramRow(Long id, String name, @Nullable String description, long projects, long version) {
}
