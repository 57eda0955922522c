@NullMarked
package app.cadence.tenancy.ui;

import org.jspecify.annotations.NullMarked;
