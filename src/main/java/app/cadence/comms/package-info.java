/**
 * Communication plans in motion (issue C9): an entry's cadence becomes dated occurrences in the
 * organisation's zone and working calendar. So far the rules only — recurrence, the working-day
 * calendar and re-planning — unit-tested; occurrences, stakeholders, drafting and sending follow.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"project :: api", "project :: events", "project :: ui", "tenancy :: api", "audit :: api", "shared"})
package app.cadence.comms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
