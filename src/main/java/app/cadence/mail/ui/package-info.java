@NullMarked
package app.cadence.mail.ui;

import org.jspecify.annotations.NullMarked;
