/** Projects, programs and health. The work done on projects (instances, items, My work, roll-up) is the work module's: it fills this module's seams (ProjectWorkFacts, ProjectPageSection). */
@NullMarked
@ApplicationModule(allowedDependencies = {"live", "audit :: api", "template :: api", "tenancy :: api", "shared"})
package app.cadence.project;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
