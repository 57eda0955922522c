/**
 * The work done on projects: templates applied to projects (instances) and their items — applying,
 * reading, working them — My work, and the per-project roll-up the portfolio reads. Depends on
 * project (it implements the project module's ProjectWorkFacts and ProjectPageSection seams and
 * follows ProjectChanged), never the other way round; it follows TenantCreated for the row a new
 * organisation's portfolio counts start from.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"project :: api", "project :: events", "project :: ui", "template :: api", "template :: ui",
        "tenancy :: api", "tenancy :: events", "audit :: api", "notify :: api", "live", "shared"})
package app.cadence.work;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
