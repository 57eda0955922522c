/**
 * Administration of an organisation by its ADMIN: members, invitations and their acceptance,
 * and the organisation's settings (display name, time zone, accent colour, logo).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit :: api", "mail :: api", "security :: api", "tenancy :: api", "shared"})
package app.cadence.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
