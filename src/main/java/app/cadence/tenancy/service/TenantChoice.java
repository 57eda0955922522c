package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;

/** One tenant a user may switch to, as the picker and switcher show it. */
public record TenantChoice(Long tenantId, String tenantName, Role role, boolean lastUsed) {
}
