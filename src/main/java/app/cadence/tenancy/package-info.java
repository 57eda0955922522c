/** Tenants, user accounts and memberships; the current tenant and user (TenantContext), tenant selection and switching, TenantScope for work done in a tenant. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package app.cadence.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
