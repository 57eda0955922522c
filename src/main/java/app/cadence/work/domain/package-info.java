@NullMarked
package app.cadence.work.domain;

import org.jspecify.annotations.NullMarked;
