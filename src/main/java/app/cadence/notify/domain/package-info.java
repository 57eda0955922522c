@NullMarked
package app.cadence.notify.domain;

import org.jspecify.annotations.NullMarked;
