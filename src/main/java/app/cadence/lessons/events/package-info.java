@NullMarked
@NamedInterface("events")
package app.cadence.lessons.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
