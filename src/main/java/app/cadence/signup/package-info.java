/**
 * Self-service sign-up: a new organisation and its first ADMIN, created once the address is
 * confirmed through an emailed link (can be switched off with cadence.signup.enabled).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit :: api", "mail :: api", "security :: api", "template :: api", "tenancy :: api", "shared"})
package app.cadence.signup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
