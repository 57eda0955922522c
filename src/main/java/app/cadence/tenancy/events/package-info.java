/**
 * What the tenancy module announces to the others, as domain events published in the transaction
 * that makes the change and delivered after it commits (through the event publication registry,
 * so that a listener that fails is retried).
 */
@NullMarked
@NamedInterface("events")
package app.cadence.tenancy.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
