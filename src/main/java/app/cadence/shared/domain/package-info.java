@NullMarked
package app.cadence.shared.domain;

import org.jspecify.annotations.NullMarked;
