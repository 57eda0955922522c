@NullMarked
package app.cadence.template.ui;

import org.jspecify.annotations.NullMarked;
