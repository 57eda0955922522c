@NullMarked
package app.cadence.portfolio.ui;

import org.jspecify.annotations.NullMarked;
