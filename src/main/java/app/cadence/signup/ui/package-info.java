@NullMarked
package app.cadence.signup.ui;

import org.jspecify.annotations.NullMarked;
