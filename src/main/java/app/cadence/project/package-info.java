/** Projects, programs and health; today also instances, items, My work and the roll-up, which move to a module of their own (issue C6). */
@NullMarked
@ApplicationModule(allowedDependencies = {"live", "audit :: api", "template :: api", "tenancy :: api", "shared"})
package app.cadence.project;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
