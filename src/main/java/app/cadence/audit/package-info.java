@NullMarked
package app.cadence.audit;

import org.jspecify.annotations.NullMarked;
