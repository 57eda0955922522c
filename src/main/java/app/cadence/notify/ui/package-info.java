@NullMarked
package app.cadence.notify.ui;

import org.jspecify.annotations.NullMarked;
