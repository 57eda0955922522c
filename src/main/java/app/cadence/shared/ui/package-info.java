@NullMarked
package app.cadence.shared.ui;

import org.jspecify.annotations.NullMarked;
