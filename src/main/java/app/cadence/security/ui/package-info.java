@NullMarked
package app.cadence.security.ui;

import org.jspecify.annotations.NullMarked;
