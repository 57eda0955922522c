/**
 * The lessons learned library (issue C8 item 3): lessons recorded from retrospectives (a card, a
 * group, an action) or entered directly, searchable tenant-wide on /lessons and shown on the
 * template they concern. A lesson can propose a change to its template; the proposals themselves
 * are the template module's (see TemplateProposals), so this module depends on templates and never
 * the reverse. It does not depend on the retro module either: a retrospective hands its card, group
 * or action in as a {@link app.cadence.lessons.domain.LessonSource} and opens
 * {@link app.cadence.lessons.ui.RecordLessonDialog}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"template :: api", "template :: ui", "project :: api", "project :: events", "tenancy :: api", "audit :: api", "shared"})
package app.cadence.lessons;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
