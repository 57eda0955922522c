@NullMarked
package app.cadence.comms.events;

import org.jspecify.annotations.NullMarked;
