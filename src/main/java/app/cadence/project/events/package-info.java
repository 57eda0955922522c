/**
 * What the project module announces: item and project changes, published in the transaction that
 * makes them and delivered to other modules after the commit.
 */
@NullMarked
@NamedInterface("events")
package app.cadence.project.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
