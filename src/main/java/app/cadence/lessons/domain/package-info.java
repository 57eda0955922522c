@NullMarked
package app.cadence.lessons.domain;

import org.jspecify.annotations.NullMarked;
