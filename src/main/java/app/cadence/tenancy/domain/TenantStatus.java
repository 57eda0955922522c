package app.cadence.tenancy.domain;

import org.springframework.modulith.NamedInterface;

@NamedInterface("api")
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
