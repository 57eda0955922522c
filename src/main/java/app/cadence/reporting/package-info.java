/**
 * Status reports: a project's facts read live from the modules that own them (health, milestones,
 * blocked and overdue items, cutover and retrospective progress, open actions and decisions), the
 * values of message placeholders, and the report a project manager publishes — frozen, with its PDF,
 * in the project's report history.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"project :: api", "project :: events", "project :: ui", "work :: api", "cutover :: api",
        "retro :: api", "template :: api", "tenancy :: api", "audit :: api", "live", "shared"})
package app.cadence.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
