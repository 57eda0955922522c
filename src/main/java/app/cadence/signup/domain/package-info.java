@NullMarked
package app.cadence.signup.domain;

import org.jspecify.annotations.NullMarked;
