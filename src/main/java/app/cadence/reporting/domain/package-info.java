@NullMarked
package app.cadence.reporting.domain;

import org.jspecify.annotations.NullMarked;
