package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;

/** A member of the current tenant, for pickers such as "project manager". */
public record MemberSummary(Long userId, String displayName, String email, Role role) {
}
