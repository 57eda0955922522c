@NullMarked
package app.cadence.shell;

import org.jspecify.annotations.NullMarked;
