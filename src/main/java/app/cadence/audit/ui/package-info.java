@NullMarked
package app.cadence.audit.ui;

import org.jspecify.annotations.NullMarked;
