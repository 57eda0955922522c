@NullMarked
package app.cadence.reporting.ui;

import org.jspecify.annotations.NullMarked;
