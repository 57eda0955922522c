@NullMarked
package app.cadence.cutover.domain;

import org.jspecify.annotations.NullMarked;
