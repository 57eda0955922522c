@NullMarked
package app.cadence.portfolio.domain;

import org.jspecify.annotations.NullMarked;
