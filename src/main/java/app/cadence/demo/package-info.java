/** Demo data for the embedded default: two organisations with projects, templates and instances (cadence.demo-data). */
@NullMarked
@ApplicationModule(allowedDependencies = {"comms :: api", "cutover :: api", "lessons :: api", "project :: api", "reporting :: api", "retro :: api", "template :: api", "tenancy :: api", "work :: api", "shared"})
package app.cadence.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
