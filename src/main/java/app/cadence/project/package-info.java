@NullMarked
package app.cadence.project;

import org.jspecify.annotations.NullMarked;
