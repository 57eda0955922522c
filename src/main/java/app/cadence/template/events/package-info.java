/** What the template module tells the others: a template was created, its draft changed, a version published, it was retired. */
@NamedInterface("events")
@NullMarked
package app.cadence.template.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
