package app.cadence.tenancy.domain;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
