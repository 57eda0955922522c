/** What the retro module announces: a session's board changed. */
@NullMarked
@NamedInterface("events")
package app.cadence.retro.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
