package app.cadence.tenancy.service;

import java.io.Serializable;
import org.springframework.modulith.NamedInterface;

/** The signed-in person, as kept in the session (no password hash, no entities). */
@NamedInterface("api")
public record CadenceUser(Long userId, String email, String displayName) implements Serializable {
}
