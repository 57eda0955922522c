package app.cadence.tenancy.service;

import java.io.Serializable;

/** The signed-in person, as kept in the session (no password hash, no entities). */
public record CadenceUser(Long userId, String email, String displayName) implements Serializable {
}
