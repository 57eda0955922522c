@NullMarked
package app.cadence.lessons.ui;

import org.jspecify.annotations.NullMarked;
