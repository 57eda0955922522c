package app.cadence.project.service;

import org.springframework.modulith.NamedInterface;

/** A project as another module refers to it: which one, and the key and name people know it by. */
@NamedInterface("api")
public record ProjectRef(Long id, String key, String name) {
}
