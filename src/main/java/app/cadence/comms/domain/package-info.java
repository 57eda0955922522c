@NullMarked
package app.cadence.comms.domain;

import org.jspecify.annotations.NullMarked;
