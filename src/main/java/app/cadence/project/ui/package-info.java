@NullMarked
package app.cadence.project.ui;

import org.jspecify.annotations.NullMarked;
