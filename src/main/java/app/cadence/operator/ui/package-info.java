@NullMarked
package app.cadence.operator.ui;

import org.jspecify.annotations.NullMarked;
