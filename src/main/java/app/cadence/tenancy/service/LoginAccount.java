package app.cadence.tenancy.service;

/** What the login needs to know about an account. */
public record LoginAccount(Long userId, String email, String displayName, String passwordHash, boolean enabled) {
}
