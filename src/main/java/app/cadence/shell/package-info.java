/** The application shell: layout, side navigation built from the views' own @Menu entries, the landing page and the error pages. It knows no feature's views. */
@NullMarked
@ApplicationModule(allowedDependencies = {"admin :: api", "admin :: ui", "notify :: ui", "operator :: ui", "tenancy :: api", "tenancy :: ui", "shared"})
package app.cadence.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
