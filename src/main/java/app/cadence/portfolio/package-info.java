/** The portfolio: a row per project with health and roll-ups, tiles, charts and exports (CSV, XLSX, PDF status pack). */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit :: api", "comms :: api", "live", "project :: api", "project :: ui", "retro :: api", "tenancy :: api", "work :: api", "shared"})
package app.cadence.portfolio;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
