package app.cadence.tenancy.events;

/**
 * An organisation was opened for its people — by sign-up or by a platform operator — and
 * committed. Organisations made for tests and demo data announce nothing.
 */
public record TenantCreated(Long tenantId, String name) {
}
