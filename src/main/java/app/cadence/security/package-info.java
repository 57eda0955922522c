/** Sign-in, throttling, sessions (revocation and lifetime), passwords and resets, the account page, and the web security configuration. */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit :: api", "live", "mail :: api", "tenancy :: api", "shared"})
package app.cadence.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
