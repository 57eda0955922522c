/** What the notify module announces: a notice sent to a person, a person's notices read. Open screens follow them. */
@NullMarked
@NamedInterface("events")
package app.cadence.notify.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
