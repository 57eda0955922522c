/**
 * Retrospectives run as live sessions: check-in ratings, cards on the template's columns (anonymous
 * when the template or the facilitator says so), grouping, dot votes within a budget, discussion
 * with a shared timer, action items followed up at the next session of the project, and a summary.
 * The columns, rating questions, vote budget and anonymity come from the template version the
 * retrospective instance was applied from.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"project :: events", "project :: api", "template :: api", "work :: api", "work :: ui", "project :: ui",
        "tenancy :: api", "lessons :: api", "lessons :: ui", "live", "shared"})
package app.cadence.retro;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
