/**
 * Cutover runs: rehearsals and the go-live run of a runbook, with their T-minus clock, step
 * states, forecast and critical path, go/no-go decisions, rollback and hypercare. The plan (the
 * runbook's steps) comes from the template module; a run keeps its own states, times and log.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"project :: events", "template :: api", "work :: api", "work :: ui", "tenancy :: api", "live", "notify :: api", "shared"})
package app.cadence.cutover;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
