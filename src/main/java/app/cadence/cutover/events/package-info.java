/** What the cutover module announces: changes to a run (its life, its steps, decisions, roster), published in the transaction that makes them. */
@NullMarked
@NamedInterface("events")
package app.cadence.cutover.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
