package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;
import java.io.Serializable;
import org.springframework.modulith.NamedInterface;

/** The tenant a session works in and the user's role there, checked against the membership. */
@NamedInterface("api")
public record TenantSelection(Long tenantId, String tenantName, Role role) implements Serializable {
}
