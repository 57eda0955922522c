/**
 * Communication plans in motion (issue C9): the dated occurrences of each applied plan entry, the
 * working calendar, drafting and sending, the project's communication log, and the stakeholders,
 * distribution lists and audiences they go to.
 */
@ApplicationModule(allowedDependencies = {"template :: api", "template :: ui", "project :: api", "project :: events", "project :: ui",
        "work :: api", "work :: ui", "tenancy :: api", "mail :: api", "notify :: api", "audit :: api", "reporting :: api", "live", "shared"})
package app.cadence.comms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
