@NullMarked
package app.cadence.tenancy;

import org.jspecify.annotations.NullMarked;
