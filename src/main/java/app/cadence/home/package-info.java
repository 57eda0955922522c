/**
 * The consultant's home (issue C13): one page of what needs a person across every organisation
 * they are an active member of. Each organisation's part is read inside that organisation's tenant
 * scope, one organisation after the other, through the services and role rules the person meets
 * inside it — never by a query across tenants.
 */
@ApplicationModule(allowedDependencies = {"tenancy :: api", "work :: api", "cutover :: api", "comms :: api", "retro :: api", "notify :: api",
        "project :: api", "portfolio :: api", "shared"})
@NullMarked
package app.cadence.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
