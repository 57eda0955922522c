package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;
import org.springframework.modulith.NamedInterface;

/** One tenant a user may switch to, as the picker and switcher show it. */
@NamedInterface("api")
public record TenantChoice(Long tenantId, String tenantName, Role role, boolean lastUsed) {
}
