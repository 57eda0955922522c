/** Platform operators: the tenants themselves (create, suspend, reactivate), never their content. */
@NullMarked
@ApplicationModule(allowedDependencies = {"admin :: api", "audit :: api", "project :: api", "template :: api", "tenancy :: api", "shared"})
package app.cadence.operator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
