package app.cadence.tenancy.service;

import org.springframework.modulith.NamedInterface;

/**
 * Published when a signed-in session picks its first tenant (a member of several organisations
 * chooses one after sign-in), so the security feature can log the sign-in in that tenant without
 * tenancy depending on it. Not published for a later switch.
 */
@NamedInterface("api")
public record TenantEntered(Long userId, String email, Long tenantId) {
}
