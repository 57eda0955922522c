@NullMarked
package app.cadence.work.ui;

import org.jspecify.annotations.NullMarked;
