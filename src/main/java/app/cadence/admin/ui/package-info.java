@NullMarked
package app.cadence.admin.ui;

import org.jspecify.annotations.NullMarked;
