@NullMarked
package app.cadence.shared;

import org.jspecify.annotations.NullMarked;
