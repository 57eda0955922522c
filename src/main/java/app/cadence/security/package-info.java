@NullMarked
package app.cadence.security;

import org.jspecify.annotations.NullMarked;
