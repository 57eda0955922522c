@NullMarked
package app.cadence.security.domain;

import org.jspecify.annotations.NullMarked;
