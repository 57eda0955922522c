/** What the work module announces: item changes, published in the transaction that makes them. */
@NullMarked
@NamedInterface("events")
package app.cadence.work.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
