package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;
import org.springframework.modulith.NamedInterface;

/** A member of the current tenant, for pickers such as "project manager". */
@NamedInterface("api")
public record MemberSummary(Long userId, String displayName, String email, Role role) {
}
