@NullMarked
package app.cadence.template;

import org.jspecify.annotations.NullMarked;
