package app.cadence.project.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A program with the number of projects it groups. */
@NamedInterface("api")
public record ProgramRow(Long id, String name, @Nullable String description, long projects, long version) {
}
