/** The template library: templates, versions, the designer, import and export, the starter library. */
@NullMarked
@ApplicationModule(allowedDependencies = {"live", "tenancy :: api", "tenancy :: events", "notify :: api", "shared"})
package app.cadence.template;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
