@NullMarked
package app.cadence.comms.ui;

import org.jspecify.annotations.NullMarked;
