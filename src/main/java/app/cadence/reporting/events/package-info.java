@NullMarked
@NamedInterface("events")
package app.cadence.reporting.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
