@NullMarked
package app.cadence.retro.domain;

import org.jspecify.annotations.NullMarked;
