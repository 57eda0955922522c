@NullMarked
package app.cadence.portfolio;

import org.jspecify.annotations.NullMarked;
