package app.cadence.tenancy.service;

import org.springframework.modulith.NamedInterface;

/** What the login needs to know about an account. */
@NamedInterface("api")
public record LoginAccount(Long userId, String email, String displayName, String passwordHash, boolean enabled) {
}
